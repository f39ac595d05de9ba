/**
 * Which patterns of a codebook a sentence may match, from the literal words their
 * prefilters need (see `Prefilter` in patterns.ts): one pass over the sentence
 * finds every literal it contains, and each literal found advances only the
 * patterns that need it. Checking every pattern's words with `includes`, sentence
 * after sentence, cost more than the matching itself.
 *
 * Containing a literal means exactly `lowerText.includes(literal)`, as the patterns'
 * own `find` checks it.
 */
import type { Prefilter } from './patterns';

/** Which of a fixed set of non-empty strings occur in a text, in one pass (an Aho–Corasick automaton). */
export class LiteralScanner {
  /** Automaton states × symbols → next state, failure transitions already folded in. */
  private readonly next: Int32Array | Uint16Array;
  /** Symbol of each UTF-16 code unit; 0 for code units no literal holds. */
  private readonly symbolOf = new Uint16Array(0x10000);
  private readonly width: number;
  /**
   * Ids of the literals ending at each state (its own and those of its failure chain):
   * `endingIds[endingFrom[state]]` up to `endingIds[endingFrom[state + 1]]`, flat, as
   * the scan reads them for every character.
   */
  private readonly endingFrom: Int32Array;
  private readonly endingIds: Int32Array;
  private readonly seen: Uint8Array;
  private readonly found: number[] = [];

  constructor(literals: readonly string[]) {
    let symbols = 0;
    for (const literal of literals) {
      if (literal === '') throw new Error('LiteralScanner: literals must not be empty');
      for (let i = 0; i < literal.length; i++) {
        const code = literal.charCodeAt(i);
        if (this.symbolOf[code] === 0) this.symbolOf[code] = ++symbols;
      }
    }
    const width = (this.width = symbols + 1);

    // The trie: children per state (-1: none), and the literals ending at each state.
    const children: Int32Array[] = [new Int32Array(width).fill(-1)];
    const endingAt: number[][] = [[]];
    literals.forEach((literal, id) => {
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const symbol = this.symbolOf[literal.charCodeAt(i)]!;
        if (children[state]![symbol] === -1) {
          children[state]![symbol] = children.length;
          children.push(new Int32Array(width).fill(-1));
          endingAt.push([]);
        }
        state = children[state]![symbol]!;
      }
      endingAt[state]!.push(id);
    });

    // Breadth first, so a state's failure state is complete before the state itself.
    this.next = new Int32Array(children.length * width);
    const failure = new Int32Array(children.length);
    const queue: number[] = [];
    for (let symbol = 0; symbol < width; symbol++) {
      const child = children[0]![symbol]!;
      if (child > 0) {
        this.next[symbol] = child;
        queue.push(child);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const fail = failure[state]!;
      endingAt[state]!.push(...endingAt[fail]!);
      for (let symbol = 0; symbol < width; symbol++) {
        const child = children[state]![symbol]!;
        if (child === -1) this.next[state * width + symbol] = this.next[fail * width + symbol]!;
        else {
          this.next[state * width + symbol] = child;
          failure[child] = this.next[fail * width + symbol]!;
          queue.push(child);
        }
      }
    }
    // States renumbered breadth first, so the shallow states a scan spends most of its time in share a few
    // cache lines, and stored in 16 bits where they fit: the scan runs amid the annotators' other work, and
    // a table spread over hundreds of kilobytes cost it a cache miss per character.
    const order = [0, ...queue];
    const renumbered = new Int32Array(order.length);
    order.forEach((state, i) => (renumbered[state] = i));
    const compact = order.length <= 0xffff ? new Uint16Array(order.length * width) : new Int32Array(order.length * width);
    order.forEach((state, i) => {
      for (let symbol = 0; symbol < width; symbol++) compact[i * width + symbol] = renumbered[this.next[state * width + symbol]!]!;
    });
    this.next = compact;
    const endingInOrder = order.map((state) => endingAt[state]!);
    this.endingIds = Int32Array.from(endingInOrder.flat());
    this.endingFrom = new Int32Array(endingInOrder.length + 1);
    endingInOrder.forEach((ids, state) => (this.endingFrom[state + 1] = this.endingFrom[state]! + ids.length));
    this.seen = new Uint8Array(literals.length);
  }

  /** Ids of the literals occurring in `text`, each once; the array is reused by the next call. */
  scan(text: string): readonly number[] {
    const { next, symbolOf, width, endingFrom, endingIds, seen, found } = this;
    for (const id of found) seen[id] = 0;
    found.length = 0;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = next[state * width + symbolOf[text.charCodeAt(i)]!]!;
      for (let k = endingFrom[state]!; k < endingFrom[state + 1]!; k++) {
        const id = endingIds[k]!;
        if (seen[id] === 0) {
          seen[id] = 1;
          found.push(id);
        }
      }
    }
    return found;
  }
}

/**
 * The prefilters of a list of patterns, indexed by literal. A prefilter is a list of
 * requirements, each met by any one of its terms, a term being complete when the
 * text holds all its literals.
 */
export class PrefilterIndex {
  private readonly scanner: LiteralScanner;
  /** Terms needing each literal. */
  private readonly termsOf: number[][] = [];
  /** Distinct literals of each term. */
  private readonly termSize: number[] = [];
  private readonly requirementOfTerm: number[] = [];
  private readonly patternOfRequirement: number[] = [];
  private readonly requirementCount: number[] = [];
  /** Requirements of each pattern met whatever the text (a term without literals). */
  private readonly alwaysMet: Uint16Array;
  /** Patterns open whatever the text (all requirements always met, or none). */
  private readonly alwaysOpen: Uint8Array;
  // Per-text state, reset by `mayMatch`.
  private readonly termFound: Uint16Array;
  private readonly requirementMet: Uint8Array;
  private readonly metCount: Uint16Array;
  private readonly open: Uint8Array;

  constructor(prefilters: readonly Prefilter[]) {
    const literalIds = new Map<string, number>();
    this.alwaysMet = new Uint16Array(prefilters.length);
    prefilters.forEach((prefilter, pattern) => {
      this.requirementCount.push(prefilter.length);
      for (const terms of prefilter) {
        const requirement = this.patternOfRequirement.push(pattern) - 1;
        if (terms.some((literals) => literals.length === 0)) {
          this.alwaysMet[pattern]!++;
          continue;
        }
        for (const literals of terms) {
          const term = this.requirementOfTerm.push(requirement) - 1;
          const distinct = [...new Set(literals)];
          this.termSize.push(distinct.length);
          for (const literal of distinct) {
            let id = literalIds.get(literal);
            if (id === undefined) {
              literalIds.set(literal, (id = literalIds.size));
              this.termsOf.push([]);
            }
            this.termsOf[id]!.push(term);
          }
        }
      }
    });
    this.scanner = new LiteralScanner([...literalIds.keys()]);
    this.alwaysOpen = Uint8Array.from(this.alwaysMet, (met, pattern) => (met === this.requirementCount[pattern] ? 1 : 0));
    this.termFound = new Uint16Array(this.termSize.length);
    this.requirementMet = new Uint8Array(this.patternOfRequirement.length);
    this.metCount = new Uint16Array(prefilters.length);
    this.open = new Uint8Array(prefilters.length);
  }

  /** Flags by pattern, 1 where its prefilter is met by `lowerText`; reused by the next call. */
  mayMatch(lowerText: string): Uint8Array {
    const { termFound, requirementMet, metCount, open } = this;
    termFound.fill(0);
    requirementMet.fill(0);
    metCount.set(this.alwaysMet);
    open.set(this.alwaysOpen);
    for (const literal of this.scanner.scan(lowerText)) {
      for (const term of this.termsOf[literal]!) {
        if (++termFound[term]! < this.termSize[term]!) continue;
        const requirement = this.requirementOfTerm[term]!;
        if (requirementMet[requirement] === 1) continue;
        requirementMet[requirement] = 1;
        const pattern = this.patternOfRequirement[requirement]!;
        if (++metCount[pattern]! === this.requirementCount[pattern]) open[pattern] = 1;
      }
    }
    return open;
  }
}
