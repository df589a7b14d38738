/**
 * Bold from the font itself: pdf.js's text content only names fonts by an
 * internal id ("g_d0_f1"), so the real name ("Times New Roman,Bold",
 * "TimesNewRomanPS-BoldMT") is read from the page's loaded fonts after its
 * operator list is built.
 */

interface LoadedFont {
  name?: string;
  bold?: boolean;
  black?: boolean;
}

interface FontStore {
  has(id: string): boolean;
  get(id: string): unknown;
}

/** Bold, Black, Heavy, Semibold, Demi(bold) in the font name: weights of 600 and over. */
const BOLD_NAME = /bold|black|heavy|semi-?bold|demi/i;

export function fontIsBold(fonts: FontStore, id: string): boolean {
  if (!fonts.has(id)) return false;
  const font = fonts.get(id) as LoadedFont | null;
  if (font === null || typeof font !== 'object') return false;
  // pdf.js sets `bold`/`black` from the descriptor (ForceBold flag, weight) when it knows them.
  return font.bold === true || font.black === true || BOLD_NAME.test(font.name ?? '');
}
