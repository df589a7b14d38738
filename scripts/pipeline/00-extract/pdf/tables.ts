import type { Line, PageGeometry } from './types.ts';
export interface Table { from: number; to: number; rows: string[][] }
export function findTables(_lines: Line[], _page: PageGeometry): Table[] { return []; }
export function tableMarkdown(t: Table): string[] {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  const [head = [], ...rest] = t.rows;
  return [`| ${head.map(esc).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rest.map((r) => `| ${r.map(esc).join(' | ')} |`)];
}
