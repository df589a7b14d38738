/**
 * Blocks (paragraphs and tables, docx-body.ts) -> reader text (types.ts).
 * Shared by the DOCX reader and the legacy .doc reader (doc.ts), so both give
 * the same line model: a wholly bold line as **…**, list labels first, the
 * official header and the signature block column by column, data tables as
 * markdown pipe tables. ADR 1503.
 */
import type { Block, Cell, Paragraph, Table, TextLine } from './docx-body.ts';
import { isZone } from '../../lib/format-rules/header-zones.ts';

/** A paragraph's lines as reader text: the list label first, a wholly bold line as **…**. */
function paragraphLines(p: Paragraph): string[] {
  return p.lines.map((l, i) => lineText(i === 0 && p.label ? { text: `${p.label} ${l.text}`.trim(), bold: l.bold } : l));
}

function lineText(l: TextLine): string {
  return l.bold && l.text !== '' ? `**${l.text}**` : l.text;
}

/** The text of blocks, no markup (a table cell's content, a layout column). */
export function plainLines(blocks: Block[]): string[] {
  return blocks.flatMap((b) =>
    b.kind === 'p'
      ? b.lines.map((l, i) => (i === 0 && b.label ? `${b.label} ${l.text}` : l.text).trim())
      : b.rows.flatMap((r) => r.flatMap((c) => plainLines(c.blocks))),
  );
}

export function render(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'p') {
      const lines = paragraphLines(b);
      // An empty paragraph is the gap Word shows between paragraphs.
      if (lines.every((l) => l === '')) out.push('');
      else out.push(...lines.filter((l) => l !== ''));
      continue;
    }
    const layout = layoutKind(b);
    out.push('');
    out.push(...(layout ? columnLines(b) : pipeTable(b)));
    out.push('');
  }
  return out;
}

/**
 * A table that is page layout, not data: the official header (its cells hold
 * the national name or the party's name) or the closing block (a cell opens
 * with "Nơi nhận", or holds the signer's capacity "TM.", "KT." …). Data
 * tables never hold these (format rules, header-zones.ts). Such a table has
 * few rows and at most three filled cells a row.
 */
export function layoutKind(t: Table): 'header' | 'signature' | null {
  const filled = (c: Cell): boolean => plainLines(c.blocks).some((l) => l !== '');
  if (t.rows.length > 5 || t.rows.some((r) => r.filter(filled).length > 3)) return null;
  const cells = t.rows.flat().map((c) => plainLines(c.blocks).filter((l) => l !== ''));
  const lines = cells.flat();
  if (lines.some((l) => isZone('national-name', l) || isZone('party-name', l))) return 'header';
  if (cells.some((c) => c[0] !== undefined && isZone('recipients', c[0])) || lines.some((l) => isZone('signature-capacity', l))) return 'signature';
  return null;
}

/**
 * A layout table read as the reader reads a header (ADR 1001): the left
 * column's lines top to bottom, then the right column's. A cell belongs to
 * the side its middle lies on (by the grid's widths), so cells that span
 * unevenly still land in their column. A row with one filled cell across the
 * middle (a type word set inside the table) breaks the columns: the columns
 * above it are read out, then its lines, then the columns below.
 */
function columnLines(t: Table): string[] {
  const edges = [0];
  for (const w of t.grid) edges.push((edges[edges.length - 1] ?? 0) + w);
  const total = edges[edges.length - 1] ?? 0;
  const side = (c: Cell): 'left' | 'right' | 'across' => {
    if (total <= 0) return c.start === 0 ? 'left' : 'right';
    const from = edges[Math.min(c.start, edges.length - 1)] ?? 0;
    const to = edges[Math.min(c.start + c.span, edges.length - 1)] ?? total;
    if (from < total * 0.25 && to > total * 0.75) return 'across';
    return (from + to) / 2 < total / 2 ? 'left' : 'right';
  };
  const out: string[] = [];
  let left: string[] = [];
  let right: string[] = [];
  const flush = (): void => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const row of t.rows) {
    const filled = row.filter((c) => cellLines(c).length > 0);
    if (filled.length === 1 && side(filled[0] as Cell) === 'across') {
      flush();
      out.push(...cellLines(filled[0]));
      continue;
    }
    for (const c of filled) (side(c) === 'right' ? right : left).push(...cellLines(c));
  }
  flush();
  return out;
}

function cellLines(cell: Cell | undefined): string[] {
  if (!cell || cell.continued) return [];
  return cell.blocks.flatMap((b) => (b.kind === 'p' ? paragraphLines(b) : columnLines(b))).filter((l) => l !== '');
}

/** A data table as a markdown pipe table (ADR 1003): first row as header, a merged cell's text once, `|` escaped. */
function pipeTable(t: Table): string[] {
  const rows = t.rows.map((r) =>
    r.flatMap((c) => {
      const text = c.continued ? '' : plainLines(c.blocks).filter((l) => l !== '').join(' ').replace(/\|/g, '\\|');
      return [text, ...Array<string>(c.span - 1).fill('')];
    }),
  );
  const width = Math.max(1, ...rows.map((r) => r.length));
  const line = (cells: string[]): string => `| ${[...cells, ...Array<string>(width - cells.length).fill('')].join(' | ')} |`;
  if (rows.length === 0) return [];
  return [line(rows[0] ?? []), line(Array<string>(width).fill('---')), ...rows.slice(1).map(line)];
}

/**
 * Blank lines: none at the ends, never two in a row. NFC, as step 01 gives
 * every text: Word files carry decomposed marks too ("A" + U+0303 in 16, 19).
 */
export function finish(lines: string[]): string {
  const out: string[] = [];
  for (const l of lines) {
    const t = l.replace(/\s+$/, '');
    if (t === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(t);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`.normalize('NFC');
}
