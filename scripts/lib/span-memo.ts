/**
 * A bounded memo keyed by a stretch of a text: the words of a document are
 * looked up where they stand, so a word already seen never becomes a string
 * of its own (no slice, no string hash). Keys are compared exactly (a hash of
 * the code units, then the units themselves).
 */
interface Entry<V> {
  key: string;
  value: V;
  /** Another key with the same hash. */
  next: Entry<V> | null;
}

export class SpanMemo<V> {
  private readonly entries = new Map<number, Entry<V>>();
  private size = 0;
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Hash of text[start, end): a small integer, so no heap number per lookup. */
  static hash(text: string, start: number, end: number): number {
    let h = 0;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) & 0x3fffffff;
    return h;
  }

  /** The entry for text[start, end) (whose hash is `h`), or undefined. */
  find(h: number, text: string, start: number, end: number): Entry<V> | undefined {
    const length = end - start;
    for (let e = this.entries.get(h) ?? null; e !== null; e = e.next) if (e.key.length === length && text.startsWith(e.key, start)) return e;
    return undefined;
  }

  /** Remember `value` for `key` (whose hash is `h`); the memo is emptied when it holds `limit` keys. */
  add(h: number, key: string, value: V): void {
    if (this.size >= this.limit) {
      this.entries.clear();
      this.size = 0;
    }
    this.entries.set(h, { key, value, next: this.entries.get(h) ?? null });
    this.size++;
  }
}
