/** A mention while it is being found: the actor it names and how. */
import type { MentionKind } from '../types';
import type { Actor } from './registry';

/** What a mention needs of an actor; unregistered people are made up on the spot. */
export type ActorRef = Pick<Actor, 'id' | 'name' | 'type' | 'country' | 'gender' | 'surname'> & { unregistered?: boolean };

export interface Hit {
  start: number;
  end: number;
  actor: ActorRef;
  kind: MentionKind;
}

export const overlaps = (a: { start: number; end: number }, start: number, end: number): boolean => a.start < end && start < a.end;

export const actorRef = (a: Actor): ActorRef => ({ id: a.id, name: a.name, type: a.type, country: a.country, gender: a.gender, surname: a.surname });
