/** Transcript paragraphs: a speaker label and a colon opening the paragraph. */
import { fromMention, type Speaker, type SpeakerContext } from './speaker';
import type { Draft } from './draft';
import { trimSpan, wordsIn } from './clause';

/** A transcript's speaker label opening a paragraph: "ANTONY BLINKEN: We have …", "Blinken: We …". */
export const LABEL = /^([A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}):\s+(?=\S)/;

/**
 * Transcript paragraphs: a name and a colon open the paragraph, and the rest is what
 * that person said, as a direct statement. The label must name a person (a mention of
 * the actors stage, all capitals allowed) or be two or more capitalised words no actor
 * claims ("MARGARET BRENNAN:"); a place or a rubric ("BEIJING:", "UPDATE:") is no label.
 */
export function speakerLabels(ctx: SpeakerContext): Draft[] {
  const { norm } = ctx.article;
  const drafts: Draft[] = [];
  for (const p of ctx.article.paragraphs) {
    const m = LABEL.exec(norm.slice(p.start, p.end));
    if (!m) continue;
    const labelEnd = p.start + m[1]!.length;
    const mention = ctx.mentions.find((x) => x.start === p.start && x.end === labelEnd && x.kind !== 'adjective');
    let speaker: Speaker | undefined;
    if (mention) speaker = mention.actor_type === 'person' ? fromMention(mention) : undefined;
    else if (m[1]!.includes(' ') && !ctx.mentions.some((x) => x.start < labelEnd && x.end > p.start)) {
      const label = m[1]!.toLowerCase().replace(/(^|[\s'’-])\p{L}/gu, (c) => c.toUpperCase());
      speaker = { label, id: `unregistered:${label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`, type: 'person', country: '', start: p.start, end: labelEnd };
    }
    if (!speaker) continue;
    const span = trimSpan(norm, p.start + m[0].length, p.end);
    if (wordsIn(ctx, span.start, span.end) < 3) continue;
    drafts.push({ rule: 'label', speaker, cue: ':', cueStart: labelEnd, cueEnd: labelEnd + 1, kind: 'direct', parts: [span] });
  }
  return drafts;
}
