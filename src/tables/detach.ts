/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps
 * a long slice ("sliced string") pointing into its parent, so a word or sample
 * sentence kept in an end-of-run tally would keep its whole article alive; tallies
 * store detached copies so the report's memory stays bounded.
 *
 * A well-formed string is copied by prefixing a character and slicing it off again:
 * slicing the joined string copies it flat first, so the result's parent is that
 * copy, not the article (tests/tables-detach.test.ts checks the memory), at a fifth
 * of the cost of a UTF-8 round trip. A string with a lone surrogate takes the round
 * trip, which turns it into U+FFFD as before.
 */
export function detach(s: string): string {
  return (s as string & { isWellFormed(): boolean }).isWellFormed() ? (' ' + s).slice(1) : Buffer.from(s, 'utf8').toString('utf8');
}
