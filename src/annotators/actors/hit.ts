/** A mention while it is being found: the actor it names and how. */
import type { ActorType, MentionKind } from '../types';
import type { Actor } from './registry';

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

export const actorRef = (a: Actor): ActorRef => ({ id: a.id, name: a.name, type: a.type, country: a.country, gender: a.gender, surname: a.surname });
