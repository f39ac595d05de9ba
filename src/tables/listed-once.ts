/**
 * Values listed once each, in the order first met, and referred to by index: the
 * form of the explorer's page data and of the cached states of its tallies (a row in
 * several marks would otherwise be written once per mark).
 */
export class ListedOnce<V, K = V> {
  readonly values: V[] = [];
  private readonly indexes = new Map<K, number>();

  /** The index of the value known by `key`, listing `value` when the key is new. */
  indexOf(value: V, key: K = value as unknown as K): number {
    let at = this.indexes.get(key);
    if (at === undefined) this.indexes.set(key, (at = this.values.push(value) - 1));
    return at;
  }
}
