/**
 * ASCII identifiers for URLs and fragments. Vietnamese is folded to ASCII
 * (tones and vowel marks dropped, đ -> d) before github-slugger, the slugger
 * behind rehype-slug, so ids are readable, ASCII and engine-independent.
 */
import GithubSlugger from 'github-slugger';

/** Fold Vietnamese (and other Latin) letters to ASCII: "Đảng bộ" -> "Dang bo". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** A single slug, independent of other slugs: "Tỉnh ủy Quảng Ninh" -> "tinh-uy-quang-ninh". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Heading slugs unique within one document, github-slugger style, ASCII. */
export class AsciiSlugger {
  private readonly slugger = new GithubSlugger();
  slug(text: string): string {
    const base = foldVietnamese(text).replace(/[^\x20-\x7e]/g, '');
    const s = this.slugger.slug(base);
    return s === '' ? this.slugger.slug('muc') : s;
  }
  /** Reserve an id so a later heading slug cannot collide with it. */
  reserve(id: string): void {
    this.slugger.slug(id);
  }
}
