/**
 * What a codebook's regular expression needs literally, as a prefilter (see
 * `Prefilter` in patterns.ts): the runs of plain characters every match must hold,
 * read from the regex's syntax tree (regjsparser, as regex-safety.ts reads it), the
 * way code search engines pick the literals of a regex before running it. A
 * sentence lacking them cannot match, and the regex is not run on it: without a
 * prefilter a regex pattern ran on every sentence of the corpus.
 *
 * Sound by construction: only what every match must contain is kept. A run of
 * plain ASCII characters in a sequence is required; an optional or repeated-from-zero
 * part, a character class, an escape such as `\s` or `\w`, an anchor or a lookaround
 * ends a run and requires nothing; a group or a repetition of at least one requires
 * what its body requires; an alternation requires one of its branches' literals, and
 * nothing when a branch needs none. Literals are lower-cased (the codebook's regexes
 * are case-insensitive, and the prefilter reads the lower-cased sentence), and
 * one-character runs are left out, as for the terms' literals.
 */
import type { Prefilter } from './patterns';
import { isLookaround, parseRegex, type RegexNode as Node } from './regex-safety';

/** One requirement: met when the text holds every literal of one of its terms. */
type Requirement = string[][];

/** The requirements of a sequence of nodes: its literal runs and what its required parts need. */
function sequence(nodes: readonly Node[]): Requirement[] {
  const out: Requirement[] = [];
  let run = '';
  const flush = () => {
    if (run.length >= 2) out.push([[run.toLowerCase()]]);
    run = '';
  };
  for (const node of nodes) {
    if (node.type === 'value' && node.codePoint < 0x80) {
      run += String.fromCharCode(node.codePoint);
      continue;
    }
    flush();
    out.push(...requirements(node));
  }
  flush();
  return out;
}

/** What one node requires of any text it matches. */
function requirements(node: Node): Requirement[] {
  switch (node.type) {
    case 'alternative':
      return sequence(node.body as Node[]);
    case 'group':
      return isLookaround(node) ? [] : sequence(node.body as Node[]);
    case 'quantifier':
      return node.min >= 1 ? sequence(node.body as Node[]) : [];
    case 'disjunction': {
      // One term per branch: the literals it surely holds; a branch requiring only a choice gives each choice as a term.
      const terms: string[][] = [];
      for (const branch of node.body as Node[]) {
        const needs = requirements(branch);
        const sure = needs.filter((r) => r.length === 1).flatMap((r) => r[0]!);
        if (sure.length > 0) terms.push(sure);
        else if (needs.length > 0) terms.push(...needs[0]!);
        else return [];
      }
      return [terms];
    }
    default:
      return [];
  }
}

/** The prefilter of a regular expression (its source and flags); empty when it needs no literal. */
export function regexPrefilter(source: string, flags: string): Prefilter {
  return requirements(parseRegex(source, flags));
}
