/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps
 * a long slice ("sliced string") pointing into its parent, so a word or sample
 * sentence kept in an end-of-run tally would keep its whole article alive; tallies
 * store detached copies so the report's memory stays bounded.
 */
export function detach(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
