/**
 * ASCII identifiers for URLs and fragments. Vietnamese is folded to ASCII
 * (scripts/lib/fold.ts: tones and vowel marks dropped, đ -> d) before github-slugger, the slugger
 * behind rehype-slug, so ids are readable, ASCII and engine-independent.
 */
import GithubSlugger from 'github-slugger';
import { foldToAscii } from './fold.ts';

/** A single slug, independent of other slugs: "Tỉnh ủy Quảng Ninh" -> "tinh-uy-quang-ninh". */
export function slugify(text: string): string {
  return foldToAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Heading slugs unique within one document, github-slugger style, ASCII. */
export class AsciiSlugger {
  private readonly slugger = new GithubSlugger();
  slug(text: string): string {
    const base = foldToAscii(text).replace(/[^\x20-\x7e]/g, '');
    const s = this.slugger.slug(base);
    return s === '' ? this.slugger.slug('muc') : s;
  }
  /** Reserve an id so a later heading slug cannot collide with it. */
  reserve(id: string): void {
    this.slugger.slug(id);
  }
}
