/** A mention while it is being found: the actor it names and how. */
import type { ActorType, MentionKind } from '../types';

export interface ActorRef {
  id: string;
  name: string;
  type: ActorType;
  country: string;
  gender?: 'male' | 'female';
  surname?: string;
  unregistered?: boolean;
}

export interface Hit {
  start: number;
  end: number;
  actor: ActorRef;
  kind: MentionKind;
}

export const overlaps = (a: { start: number; end: number }, start: number, end: number): boolean => a.start < end && start < a.end;
