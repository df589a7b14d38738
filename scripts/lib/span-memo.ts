/**
 * A bounded memo keyed by a stretch of a text: the words of a document are
 * looked up where they stand, so a word already seen never becomes a string
 * of its own (no slice, no string hash). Keys are compared exactly (a hash of
 * the code units, then the units themselves).
 */
interface Entry<V> {
  hash: number;
  key: string;
  value: V;
  /** Another key in the same slot. */
  next: Entry<V> | undefined;
}

const SLOTS = 1 << 16;

export class SpanMemo<V> {
  /** Slot hash % SLOTS: its entries, chained. */
  private readonly slots: Array<Entry<V> | undefined> = new Array<Entry<V> | undefined>(SLOTS).fill(undefined);
  private size = 0;
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  /**
   * Hash of text[start, end) (non-empty): its length and five of its code units
   * (first two, middle, last two), a small integer, so no heap number per
   * lookup and no loop over the word; keys are compared in full anyway.
   */
  static hash(text: string, start: number, end: number): number {
    const last = end - 1;
    let h = end - start;
    h = (Math.imul(h, 31) + text.charCodeAt(start)) | 0;
    h = (Math.imul(h, 31) + text.charCodeAt(Math.min(start + 1, last))) | 0;
    h = (Math.imul(h, 31) + text.charCodeAt((start + end) >> 1)) | 0;
    h = (Math.imul(h, 31) + text.charCodeAt(Math.max(last - 1, start))) | 0;
    h = (Math.imul(h, 31) + text.charCodeAt(last)) | 0;
    return (h ^ (h >>> 16)) & 0x3fffffff;
  }

  /** The entry for text[start, end) (whose hash is `h`), or undefined. */
  find(h: number, text: string, start: number, end: number): Entry<V> | undefined {
    const length = end - start;
    for (let e = this.slots[h & (SLOTS - 1)]; e !== undefined; e = e.next) {
      if (e.hash === h && e.key.length === length && text.startsWith(e.key, start)) return e;
    }
    return undefined;
  }

  /** Remember `value` for `key` (whose hash is `h`); the memo is emptied when it holds `limit` keys. */
  add(h: number, key: string, value: V): void {
    if (this.size >= this.limit) {
      this.slots.fill(undefined);
      this.size = 0;
    }
    const slot = h & (SLOTS - 1);
    this.slots[slot] = { hash: h, key, value, next: this.slots[slot] };
    this.size++;
  }
}
