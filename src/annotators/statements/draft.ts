/** A statement before ids and dates are given, and the ids of the attribution rules that read statements. */
import type { StatementKind } from '../types';
import type { Speaker } from './speaker';

/** A statement before ids and dates are given. */
export interface Draft {
  /** The attribution pattern that read it (a `rule` of statements.csv; see ATTRIBUTION_RULES). */
  rule: AttributionRule;
  speaker: Speaker;
  cue: string;
  cueStart: number;
  cueEnd: number;
  kind: StatementKind;
  /** Content spans: quote contents for direct statements, one reported clause otherwise. */
  parts: { start: number; end: number }[];
  /** A continuation's statement, which it goes on with (and whose date it keeps). */
  continues?: Draft;
}

/**
 * The attribution patterns, by id, as statements.csv's `rule` column names them:
 * - quote-cue-speaker   `"…," said Wang`
 * - quote-speaker-cue   `"…," Wang said`, `"…," ministry spokesperson Wang Wenbin said`
 * - split-quote         `"…," she added, "…"` (one statement)
 * - speaker-cue-quote   `Lavrov said: "…"`, `Wang said "…"`
 * - speaker-cue-content `X said (that) …`, `X told reporters …`, `The ministry quoted Wang as saying …`
 * - content-speaker-cue `Trade will grow, he suggested.`, `…, Lavrov said at the meeting.`
 * - content-cue-speaker `…, said Qin.`, `…, said Chinese Foreign Ministry spokesman Lin Jian.`
 * - participle          `…, Xi said, adding that …` (the last speaker of the sentence goes on)
 * - according-to        `…, according to X`, `…, as reported by X`
 * - as-speaker-cue      `As X noted, …`
 * - pointing-back       `… . This was stated by X.`, `… . X said this at a briefing.` (the sentence before is the content)
 * - label               `ANTONY BLINKEN: We have …` (a transcript paragraph)
 * - continuation        a quoted sentence right after the speaker's direct statement
 */
export const ATTRIBUTION_RULES = [
  'quote-cue-speaker',
  'quote-speaker-cue',
  'split-quote',
  'speaker-cue-quote',
  'speaker-cue-content',
  'content-speaker-cue',
  'content-cue-speaker',
  'participle',
  'according-to',
  'as-speaker-cue',
  'pointing-back',
  'label',
  'continuation',
] as const;

export type AttributionRule = (typeof ATTRIBUTION_RULES)[number];
