/**
 * The inline lists a block holds, for the steps that walk text (footnote
 * references, corrections, OCR suspects, citations, text length): a
 * paragraph's or bullet's content, a table's caption and every cell; a gap
 * holds no text of the document.
 */
import type { Block, Inline } from './model.ts';

export function blockInlines(b: Block): Inline[][] {
  switch (b.kind) {
    case 'paragraph':
    case 'bullet':
      return [b.content];
    case 'table':
      return [...(b.table.caption ? [b.table.caption] : []), ...b.table.rows.flat()];
    case 'gap':
      return [];
  }
}

/** Replace every inline list of a block by `fn` of it, in place. */
export function mapBlockInlines(b: Block, fn: (content: Inline[]) => Inline[]): void {
  switch (b.kind) {
    case 'paragraph':
    case 'bullet':
      b.content = fn(b.content);
      return;
    case 'table':
      if (b.table.caption) b.table.caption = fn(b.table.caption);
      b.table.rows = b.table.rows.map((row) => row.map((cell) => fn(cell)));
      return;
    case 'gap':
      return;
  }
}
