import type { Removal, Span } from './types';
import type { CleaningRule } from './rules';
import { stripInvisible } from './normalize';
import { readDateLine } from './metadata';

/** A paragraph of the cleaned text, before sentence segmentation. */
export interface CleanParagraph extends Span {
  caption: boolean;
  /** 1-based source line of the paragraph's first line. */
  line: number;
}

export interface Cleaned {
  text: string;
  paragraphs: CleanParagraph[];
  removed: Removal[];
  /** Texts that rules flagged as publication-date evidence, with their 1-based source line, in order of appearance. */
  dateEvidence: { text: string; line: number }[];
}

interface Line {
  no: number;
  text: string;
  caption: boolean;
  removed: boolean;
}

const FINAL_PUNCTUATION = /[.!?:;"”’')\]]$/;

/**
 * Removes page furniture by rules and joins the remaining lines into paragraphs.
 * Every removal is recorded; a line is removed only by a rule.
 * `captionLines` (0-based) are lines a structured source (HTML figcaption) already knows to be captions.
 */
export function cleanText(raw: string, articleId: string, rules: readonly CleaningRule[], captionLines?: ReadonlySet<number>): Cleaned {
  const lines: Line[] = stripInvisible(raw)
    .split('\n')
    .map((text, i) => ({ no: i + 1, text: text.trim(), caption: captionLines?.has(i) ?? false, removed: false }));
  const removed: Removal[] = [];
  const dateEvidence: Cleaned['dateEvidence'] = [];
  const remove = (line: Line, rule: CleaningRule, text = line.text) => {
    removed.push({ article_id: articleId, line: line.no, rule: rule.id, text });
    if (rule.date) dateEvidence.push({ text, line: line.no });
  };

  // Blocks first: a teaser box removes lines that other rules would otherwise keep.
  for (const rule of rules.filter((r) => r.action === 'remove-block')) {
    for (let i = 0; i < lines.length; i++) {
      const marker = lines[i]!;
      if (marker.removed || !rule.regex.test(marker.text)) continue;
      const block = [marker];
      for (let j = i + 1; j < lines.length && block.length <= rule.following_lines; j++) {
        if (lines[j]!.text !== '') block.push(lines[j]!);
      }
      if (rule.preceding_duplicate) {
        let p = i - 1;
        while (p >= 0 && lines[p]!.text === '') p--;
        const prev = lines[p];
        if (prev && !prev.removed && block.some((l) => l !== marker && l.text === prev.text)) block.unshift(prev);
      }
      for (const line of block.sort((a, b) => a.no - b.no)) {
        line.removed = true;
        remove(line, rule);
      }
    }
  }

  const lineRules = rules.filter((r) => r.action === 'remove-line');
  const spanRules = rules.filter((r) => r.action === 'remove-span');
  for (const line of lines) {
    if (line.removed || line.text === '') continue;
    const lineRule = lineRules.find((r) => r.regex.test(line.text));
    if (lineRule) {
      line.removed = true;
      remove(line, lineRule);
      continue;
    }
    for (const rule of spanRules) {
      const m = rule.regex.exec(line.text);
      if (!m || m[0] === '') continue;
      remove(line, rule, m[0].trim());
      line.text = (line.text.slice(0, m.index) + line.text.slice(m.index + m[0].length)).trim();
      if (rule.caption) line.caption = true;
    }
    if (line.text === '') line.removed = true;
  }

  // A caption's title line sits directly above it with no final punctuation (a date line there is the page's: "February 5, 2022 at 19:00 JST").
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    if (lines[i]!.caption && !lines[i]!.removed && !prev.removed && prev.text !== '' && !FINAL_PUNCTUATION.test(prev.text) && !readDateLine(prev.text)) prev.caption = true;
  }

  // Paragraphs: blank lines separate blocks; in a block each line is a paragraph
  // (scraped news puts one per line) unless the next line continues it in lower case (hard wrap).
  const paragraphs: CleanParagraph[] = [];
  let text = '';
  let open: CleanParagraph | undefined;
  let prevKept: Line | undefined;
  for (const line of lines) {
    if (line.text === '' && !line.removed) {
      open = undefined;
      prevKept = undefined;
      continue;
    }
    if (line.removed) continue;
    const continues = open && prevKept && !prevKept.caption && !line.caption && /^\p{Ll}/u.test(line.text) && !FINAL_PUNCTUATION.test(prevKept.text);
    if (continues && open) {
      text += ' ' + line.text;
      open.end = text.length;
    } else {
      if (text.length > 0) text += '\n\n';
      open = { start: text.length, end: text.length + line.text.length, caption: line.caption, line: line.no };
      text += line.text;
      paragraphs.push(open);
    }
    prevKept = line;
  }
  return { text, paragraphs, removed, dateEvidence };
}
