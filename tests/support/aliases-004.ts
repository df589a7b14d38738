/**
 * content/aliases.yaml for the tests in which 004 gets the number 12-NQ/TU and
 * its "7.3." becomes "8.": the shipped aliases (the register relies on them)
 * plus the old URL and the old fragment of 004.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths.ts';

export function aliasesFor004(oldUrl: string, newId: string): string {
  return [
    readFileSync(join(PROJECT_ROOT, 'content', 'aliases.yaml'), 'utf8'),
    'documents:',
    `  - url: ${oldUrl}`,
    `    document: ${newId}`,
    '    note: Số 12-NQ/TU đã được xác định',
    'fragments:',
    `  - document: ${newId}`,
    '    from: II.7.3',
    '    to: II.8',
    '    note: sửa lỗi đánh số "7.3." thành "8."',
    '',
  ].join('\n');
}
