/** Transcript paragraphs: a speaker label and a colon opening the paragraph. */
import { fromMention, isTitle, type Speaker, type SpeakerContext } from './speaker';
import type { Draft } from './draft';
import { trimSpan, wordsIn } from './clause';
import { MentionList } from '../positions';
import type { Mention } from '../types';

/** A transcript's speaker label opening a paragraph: "ANTONY BLINKEN: We have …", "Blinken: We …". */
export const LABEL = /^([A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}):\s+(?=\S)/;
/**
 * A label with a title before the name and a note after it (the Kremlin's and the Chinese
 * MFA's transcripts): "President of China Xi Jinping (retranslated): …", "President of
 * Russia Vladimir Putin: …". Group 1 is the title and name, the note left out.
 */
const TITLED_LABEL = /^([A-Z][A-Za-z.'’-]*(?: (?:[A-Z][A-Za-z.'’-]*|of|the|for)){1,9})(?: \([^()]{1,30}\))?:\s+(?=\S)/;

/** Honorifics and titles a transcript puts before a surname: "MR MILLER:", "SECRETARY BLINKEN:". */
const LABEL_TITLES = new Set(['mr', 'mr.', 'ms', 'ms.', 'mrs', 'mrs.', 'dr', 'dr.', 'secretary', 'minister', 'ambassador', 'senator', 'president', 'spokesperson', 'spokesman']);

/** "MR MILLER:" after "Matthew Miller" was named: the person named before whose name ends with the surname. */
function titledSurname(ctx: SpeakerContext, label: string, before: number): Speaker | undefined {
  const words = label.split(' ');
  if (words.length < 2 || !LABEL_TITLES.has(words[0]!.toLowerCase())) return undefined;
  const surname = words.slice(1).join(' ').toLowerCase();
  const person = labelIndex(ctx).bySurname.get(surname)?.lastBefore(before);
  return person ? fromMention(person) : undefined;
}

/** What the label pass asks of the mentions: persons by each ending of their names ("miller", "matthew miller"), and how far the mentions before a point reach. */
interface LabelIndex {
  bySurname: Map<string, MentionList>;
  /** The furthest end of the first i + 1 mentions (by start). */
  reach: number[];
}

const labelIndexes = new WeakMap<SpeakerContext, LabelIndex>();

function labelIndex(ctx: SpeakerContext): LabelIndex {
  let index = labelIndexes.get(ctx);
  if (index) return index;
  const bySurname = new Map<string, Mention[]>();
  for (const m of ctx.mentions) {
    if (m.actor_type !== 'person') continue;
    const name = m.actor.toLowerCase();
    for (let i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) {
      const ending = name.slice(i + 1);
      (bySurname.get(ending) ?? bySurname.set(ending, []).get(ending)!).push(m);
    }
  }
  const reach: number[] = [];
  for (const m of ctx.mentions) reach.push(Math.max(reach.at(-1) ?? -Infinity, m.end));
  index = { bySurname: new Map([...bySurname].map(([k, list]) => [k, new MentionList(list)])), reach };
  labelIndexes.set(ctx, index);
  return index;
}

/** True when a mention overlaps [start, end). */
function anyMentionOverlapping(ctx: SpeakerContext, start: number, end: number): boolean {
  const before = ctx.index.all.from(end); // the mentions starting before `end`
  return before > 0 && labelIndex(ctx).reach[before - 1]! > start;
}

/**
 * Transcript paragraphs: a name and a colon open the paragraph, and the rest is what
 * that person said, as a direct statement. The label must name a person (a mention of
 * the actors stage, all capitals allowed, perhaps after a title and before a note:
 * "President of China Xi Jinping (retranslated):") or be two or more capitalised words
 * no actor claims ("MARGARET BRENNAN:"); a place or a rubric ("BEIJING:", "UPDATE:") is
 * no label.
 */
export function speakerLabels(ctx: SpeakerContext): LabelDraft[] {
  const { norm } = ctx.article;
  const drafts: LabelDraft[] = [];
  for (const p of ctx.article.paragraphs) {
    const head = norm.slice(p.start, p.end);
    const m = LABEL.exec(head);
    const titled = m ? undefined : TITLED_LABEL.exec(head);
    const found = m ?? titled;
    if (!found) continue;
    const labelEnd = p.start + found[1]!.length;
    const mention = ctx.mentionsByStart.get(p.start)?.find((x) => x.end === labelEnd);
    let speaker: Speaker | undefined;
    let known = true;
    if (titled) {
      // The name ends the label, after its title: "President of China Xi Jinping".
      const named = ctx.index.all.between(p.start, labelEnd).filter((x) => x.end === labelEnd && x.actor_type === 'person' && x.start > p.start).at(-1);
      if (named && isTitle(ctx, p.start, named.start)) speaker = { ...fromMention(named), start: p.start, end: labelEnd };
    } else if (mention) speaker = mention.actor_type === 'person' ? fromMention(mention) : undefined;
    else if ((speaker = titledSurname(ctx, found[1]!, p.start))) speaker = { ...speaker, start: p.start, end: labelEnd };
    else if (found[1]!.includes(' ') && !anyMentionOverlapping(ctx, p.start, labelEnd)) {
      const label = found[1]!.toLowerCase().replace(/(^|[\s'’-])\p{L}/gu, (c) => c.toUpperCase());
      speaker = { label, id: `unregistered:${label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`, type: 'person', country: '', start: p.start, end: labelEnd };
      known = false;
    }
    if (!speaker) continue;
    const span = trimSpan(norm, p.start + found[0].length, p.end);
    if (wordsIn(ctx, span.start, span.end) < 3) continue;
    drafts.push({ rule: 'label', speaker, cue: ':', cueStart: labelEnd, cueEnd: labelEnd + 1, kind: 'direct', parts: [span], known });
  }
  return drafts;
}

/** A label's statement; `known` when the label names a person the actors stage found (not capitalised words no actor claims). */
export interface LabelDraft extends Draft {
  known: boolean;
}
