/**
 * Records the annotators produce. Every record carries character offsets into
 * `article.text` and the index of the sentence holding it, so any number in a
 * table or chart traces back to its sentence.
 */
import type { Span } from '../corpus/types';

/** `media`: news outlets cited as sources ("Bloomberg reported"); otherwise read like organisations. */
export type ActorType = 'person' | 'state' | 'organization' | 'media';
export const ACTOR_TYPES: readonly ActorType[] = ['person', 'state', 'organization', 'media'];

/** How an actor is referred to at a mention. */
export type MentionKind = 'name' | 'surname' | 'alias' | 'role' | 'adjective' | 'pronoun';
export const MENTION_KINDS: readonly MentionKind[] = ['name', 'surname', 'alias', 'role', 'adjective', 'pronoun'];

/** One reference to an actor in an article (a row of mentions.csv). */
export interface Mention extends Span {
  article_id: string;
  /** Index of the sentence holding the mention. */
  sentence: number;
  /** The text as written: `article.text.slice(start, end)`. */
  surface: string;
  actor_id: string;
  /** Canonical name. */
  actor: string;
  actor_type: ActorType;
  /** Country or bloc code (CHN, RUS, USA, EU, NATO, UN, …); "" when unknown. */
  country: string;
  kind: MentionKind;
  /** True for people the registry lacks, found by their title and name in the text. */
  unregistered?: boolean;
  /** People only, when known: for pronoun resolution. */
  gender?: 'male' | 'female';
}

export type SpeakerType = 'person' | 'state' | 'organization' | 'unnamed';
export type StatementKind = 'direct' | 'mixed' | 'indirect';
export const STATEMENT_KINDS: readonly StatementKind[] = ['direct', 'mixed', 'indirect'];
export type StatementDateBasis = 'text' | 'publication' | 'none';

/** One attributed speech act (a row of statements.csv). */
export interface Statement extends Span {
  /** `${article_id}#${n}`, n counting statements in the article from 1. */
  statement_id: string;
  article_id: string;
  /** Index of the sentence where the statement starts. */
  sentence: number;
  /** Speaker as written or resolved (canonical name when known). */
  speaker: string;
  /** Actor id, or "" for unnamed speakers ("analysts"). */
  speaker_id: string;
  speaker_type: SpeakerType;
  speaker_country: string;
  /** The reporting verb or phrase ("said", "told reporters", "according to"). */
  cue: string;
  kind: StatementKind;
  /** ISO date the statement was made, or "". */
  date: string;
  date_basis: StatementDateBasis;
  /** The statement's content (for direct quotes, the words inside the quotes). */
  text: string;
  /** Offsets of the content within the article text. */
  content_start: number;
  content_end: number;
  /** True when the statement comes from a photo caption. */
  caption: boolean;
  /** Id of the attribution pattern that found it (quote-speaker-cue, speaker-cue-content, according-to, …). */
  rule: string;
}

/** One codebook match (a row of themes.csv). */
export interface ThemeMatch extends Span {
  article_id: string;
  sentence: number;
  /** Statement holding the match, or "" when the sentence is not part of a statement. */
  statement_id: string;
  theme: string;
  /** The codebook pattern that matched. */
  pattern: string;
  matched: string;
  speaker_country: string;
  date: string;
}
