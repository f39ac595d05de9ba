/**
 * Catastrophic backtracking in a codebook's own regexes: a repeated group whose body
 * repeats without bound too (`(a+)+`, `(\w+\s?)*`) can take time exponential in the
 * length of a word, and one such pattern would stall the run. The regex is parsed by
 * regjsparser (Babel's parser, so every syntax V8 accepts), and any unbounded
 * quantifier with another inside it is refused; a bounded outer one
 * (`(?:\w+\s+){0,3}`) costs at most a small power of the length and is kept.
 * Lookarounds are left out: what repeats inside one never multiplies the outer paths.
 */
import { parse, type AstNode, type Features } from 'regjsparser';

const FEATURES = { lookbehind: true, namedGroups: true, unicodePropertyEscape: true, unicodeSet: true, modifiers: true } satisfies Features;
/** A node of a regex's syntax tree, as regjsparser reads every syntax V8 accepts. */
export type RegexNode = AstNode<typeof FEATURES>;
type Node = RegexNode;

/** A codebook regex's syntax tree (regex-literals.ts reads it too). Throws on a source regjsparser cannot read. */
export const parseRegex = (source: string, flags: string): RegexNode => parse(source, flags, FEATURES) as RegexNode;

/** A lookahead or lookbehind: it matches no characters of its own. */
export const isLookaround = (node: RegexNode): boolean =>
  node.type === 'group' && (node.behavior === 'lookahead' || node.behavior === 'negativeLookahead' || node.behavior === 'lookbehind' || node.behavior === 'negativeLookbehind');

const unbounded = (node: Node): boolean => node.type === 'quantifier' && node.max === undefined;

/** The children a node's matching runs through (not into lookarounds). */
function children(node: Node): Node[] {
  switch (node.type) {
    case 'alternative':
    case 'disjunction':
      return node.body as Node[];
    case 'group':
      return isLookaround(node) ? [] : (node.body as Node[]);
    case 'quantifier':
      return node.body as Node[];
    default:
      return [];
  }
}

function hasUnbounded(node: Node): boolean {
  return children(node).some((child) => unbounded(child) || hasUnbounded(child));
}

/**
 * The first unbounded repetition of a part that itself repeats without bound
 * (its source, as `(a+)+`), or undefined when there is none. Throws on a source
 * regjsparser cannot read.
 */
export function nestedQuantifier(source: string, flags: string): string | undefined {
  const visit = (node: Node): string | undefined => {
    if (unbounded(node) && hasUnbounded(node)) return node.raw;
    for (const child of children(node)) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(parseRegex(source, flags));
}
