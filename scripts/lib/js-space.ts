/**
 * JavaScript's `\s`, by UTF-16 code unit: what `text.split(/\s+/)` splits at,
 * for the scans that walk a text by index instead of splitting it (mojibake
 * and OCR-suspect detection). NaN (charCodeAt past either end) counts as
 * space, so a scan may look one unit past a word.
 */
export function isJsSpace(n: number): boolean {
  if (n !== n) return true;
  if (n <= 0x20) return n === 0x20 || (n >= 0x09 && n <= 0x0d);
  if (n < 0xa0) return false;
  return n === 0xa0 || n === 0x1680 || (n >= 0x2000 && n <= 0x200a) || n === 0x2028 || n === 0x2029 || n === 0x202f || n === 0x205f || n === 0x3000 || n === 0xfeff;
}
