/**
 * Table and gap lines (02-normalise/tables.ts) -> table and gap blocks.
 *
 * Caption: the paragraph just before a table becomes its caption when it is
 * one short line that names a table: it starts with "Bảng" or "Biểu"
 * (any case), optionally followed by a number ("Bảng 1:", "Biểu số 02",
 * "BẢNG TỔNG HỢP …"). Anything else (a heading, "(Kèm theo Quyết định …)")
 * stays a paragraph, and the table has no caption.
 */
import type { Line } from '../02-normalise/index.ts';
import type { Block, Inline, Provision, QualityIssue, Table } from '../../lib/model.ts';

/** Longest caption read as one: a table's name, not a sentence about it. */
const MAX_CAPTION = 160;
const NAMES_TABLE = /^(?:Bảng|Biểu)(?!\p{L})/iu;

export const isTableLine = (line: Line): boolean => line.table !== undefined || line.gap !== undefined;

function captionText(b: Block | undefined): string | null {
  if (!b || b.kind !== 'paragraph' || b.content.length !== 1) return null;
  const only = b.content[0];
  if (!only || only.kind !== 'text') return null;
  const text = only.text;
  return text.length <= MAX_CAPTION && NAMES_TABLE.test(text) && !/[.;]\s/.test(text) ? text : null;
}

/**
 * Append the block for a table or gap line to `blocks`. A table takes the
 * last block as its caption when that block names it (removed from `blocks`).
 */
export function appendTableLine(blocks: Block[], line: Line): void {
  if (line.gap) {
    blocks.push({ kind: 'gap', what: line.gap, placeholder: line.text });
    return;
  }
  const source = line.table;
  if (!source) return;
  const caption = captionText(blocks[blocks.length - 1]);
  if (caption !== null) blocks.pop();
  const cell = (text: string): Inline[] => (text === '' ? [] : [{ kind: 'text', text }]);
  const table: Table = {
    caption: caption === null ? null : [{ kind: 'text', text: caption }],
    headerRows: source.headerRows,
    rows: source.rows.map((row) => row.map(cell)),
  };
  blocks.push({ kind: 'table', table });
}

/**
 * Blocks of a zone built line by line elsewhere (preamble, closing,
 * recipients, signature): runs of ordinary lines go to `build`, table and gap
 * lines become their blocks in place.
 */
export function withTables(lines: Line[], build: (lines: Line[]) => Block[]): Block[] {
  const out: Block[] = [];
  let run: Line[] = [];
  for (const line of lines) {
    if (!isTableLine(line)) {
      run.push(line);
      continue;
    }
    if (run.length > 0) out.push(...build(run));
    run = [];
    appendTableLine(out, line);
  }
  if (run.length > 0) out.push(...build(run));
  return out;
}

/** One 'lost-table' issue per gap block, for the quality report. */
export function lostTables(provisions: Provision[]): QualityIssue[] {
  const issues: QualityIssue[] = [];
  const visit = (ps: Provision[]): void => {
    for (const p of ps) {
      for (const b of p.blocks) {
        if (b.kind === 'gap') issues.push({ kind: 'lost-table', message: `bảng bị mất trong bản nguồn (${b.placeholder})`, text: b.placeholder, provision: p.id });
      }
      visit(p.children);
    }
  };
  visit(provisions);
  return issues;
}
