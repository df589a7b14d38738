/**
 * Tesseract's TSV (one row per word with its box and confidence) -> the
 * reader text of one page (types.ts): one line per OCR text line, a blank
 * line where Tesseract starts a new block or paragraph, and on the first page
 * the official header's two columns (issuer | motto, number | place and
 * date) as the left column's lines, then the right column's
 * (docs/decisions/1504-ocr.md).
 */

export interface OcrWord {
  block: number;
  par: number;
  line: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** 0–100; -1 for rows that are not words. */
  conf: number;
  text: string;
}

export interface OcrPageReading {
  text: string;
  /** Mean word confidence, 0–100, two decimals; null when the page has no words. */
  confidence: number | null;
  /** Words read with confidence < SUSPECT_BELOW, each once, in text order. */
  suspects: string[];
  words: number;
}

/** A word read with less confidence than this goes to the quality report. */
export const SUSPECT_BELOW = 60;

interface PageSize {
  width: number;
  height: number;
}

interface TextLine {
  block: number;
  par: number;
  words: OcrWord[];
}

/** Word rows (level 5) with text, in Tesseract's reading order; the page's size from its level-1 row. */
export function parseTsv(tsv: string): { page: PageSize; words: OcrWord[] } {
  const page: PageSize = { width: 0, height: 0 };
  const words: OcrWord[] = [];
  for (const row of tsv.split(/\r?\n/)) {
    const cells = row.split('\t');
    if (cells.length < 12 || !/^\d+$/.test(cells[0] ?? '')) continue;
    const num = (i: number): number => Number(cells[i]);
    const level = num(0);
    if (level === 1) {
      page.width = num(8);
      page.height = num(9);
      continue;
    }
    // The word may hold no tab, but keep whatever follows the 11th one.
    const text = cells.slice(11).join('\t').normalize('NFC').trim();
    if (level !== 5 || text === '') continue;
    words.push({ block: num(2), par: num(3), line: num(4), left: num(6), top: num(7), width: num(8), height: num(9), conf: num(10), text });
  }
  return { page, words };
}

export function readOcrPage(tsv: string, firstPage: boolean): OcrPageReading {
  const { page, words } = parseTsv(tsv);
  const lines = groupLines(words);
  const header = firstPage ? headerColumns(lines, page, words) : null;
  const out: string[] = [];
  let prev: TextLine | null = null;
  const emit = (text: string): void => {
    if (text !== '' || (out.length > 0 && out[out.length - 1] !== '')) out.push(text);
  };
  const body = header ? lines.slice(header.lines) : lines;
  if (header) {
    for (const l of header.left) emit(l);
    for (const l of header.right) emit(l);
    emit('');
  }
  for (const l of body) {
    if (prev && (prev.block !== l.block || prev.par !== l.par)) emit('');
    emit(lineText(l.words));
    prev = l;
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  const scored = words.filter((w) => w.conf >= 0);
  const confidence = scored.length === 0 ? null : Math.round((scored.reduce((s, w) => s + w.conf, 0) / scored.length) * 100) / 100;
  return { text: out.join('\n'), confidence, suspects: suspectsOf(header ? [...header.words, ...body.flatMap((l) => l.words)] : words), words: scored.length };
}

function groupLines(words: OcrWord[]): TextLine[] {
  const lines: TextLine[] = [];
  let last: TextLine | undefined;
  let lastLine = -1;
  for (const w of words) {
    if (!last || last.block !== w.block || last.par !== w.par || lastLine !== w.line) {
      last = { block: w.block, par: w.par, words: [] };
      lastLine = w.line;
      lines.push(last);
    }
    last.words.push(w);
  }
  return lines;
}

const lineText = (words: OcrWord[]): string => words.map((w) => w.text).join(' ');

/** A word of rule characters only (`___`, `—`, `-------`): the underline under a header name, not a word. */
const isRule = (w: OcrWord): boolean => !/[\p{L}\p{N}]/u.test(w.text);

/**
 * The header band at the top of the first page: the rows where a gap much
 * wider than a word space parts a left block from a right one (NĐ 30/2020,
 * Phụ lục I: issuer, number and "V/v" summary left; national name, motto,
 * place and date right), with the one-sided rows among and after them (a name
 * wrapped on the left, the motto's second line alone on the right). The band
 * ends at the first line that is centred under both (the type "NGHỊ QUYẾT",
 * "Kính gửi:"), as wide as the text, or below the top 40% of the page. Null
 * when no row has two parts: nothing to reorder.
 */
function headerColumns(lines: TextLine[], page: PageSize, words: OcrWord[]): { lines: number; left: string[]; right: string[]; words: OcrWord[] } | null {
  if (page.width <= 0 || lines.length === 0) return null;
  const heights = words.filter((w) => !isRule(w)).map((w) => w.height).sort((a, b) => a - b);
  const medianHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  // Justified body text spreads words up to about 1.5 word heights apart (measured: 71 px at
  // a 48 px median height); the header's columns stand 2.3–13 heights apart (112–612 px).
  const columnGap = 2 * medianHeight;
  const middle = page.width / 2;
  type Row = { left: OcrWord[]; right: OcrWord[] };
  const rows: Row[] = [];
  // The underlines under the issuer and the motto come out as stray marks ("——", "..", "“."):
  // decoration, not words (ADR 1001), so the band keeps only words with a letter or digit.
  let split: number | null = null;
  for (const line of lines) {
    if (Math.min(...line.words.map((w) => w.top)) > page.height * 0.4) break;
    const solid = line.words.filter((w) => !isRule(w));
    if (solid.length === 0) {
      rows.push({ left: [], right: [] });
      continue;
    }
    const gap = widestGap(solid);
    if (gap && gap.gap > columnGap) {
      split ??= gap.at;
      rows.push({ left: solid.filter((w) => centre(w) < gap.at), right: solid.filter((w) => centre(w) >= gap.at) });
      continue;
    }
    const [from, to] = extent(solid);
    const centred = Math.abs((from + to) / 2 - middle) < page.width * 0.08;
    if (centred || to - from > page.width * 0.6) break;
    rows.push((from + to) / 2 < middle ? { left: solid, right: [] } : { left: [], right: solid });
  }
  if (split === null) return null;
  const left = rows.filter((r) => r.left.length > 0).map((r) => lineText(r.left));
  const right = rows.filter((r) => r.right.length > 0).map((r) => lineText(r.right));
  return { lines: rows.length, left, right, words: [...rows.flatMap((r) => r.left), ...rows.flatMap((r) => r.right)] };
}

const extent = (words: OcrWord[]): [number, number] => [Math.min(...words.map((w) => w.left)), Math.max(...words.map((w) => w.left + w.width))];
const centre = (w: OcrWord): number => w.left + w.width / 2;

function widestGap(words: OcrWord[]): { gap: number; at: number } | null {
  const sorted = [...words].sort((a, b) => a.left - b.left);
  let best: { gap: number; at: number } | null = null;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const gap = b.left - (a.left + a.width);
    if (!best || gap > best.gap) best = { gap, at: (a.left + a.width + b.left) / 2 };
  }
  return best;
}

/** Low-confidence words as an editor would look them up: edge punctuation off, each once. */
function suspectsOf(words: OcrWord[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of words) {
    if (w.conf < 0 || w.conf >= SUSPECT_BELOW) continue;
    const word = w.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word === '' || seen.has(word)) continue;
    seen.add(word);
    out.push(word);
  }
  return out;
}
