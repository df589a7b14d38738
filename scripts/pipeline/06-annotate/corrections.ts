/**
 * The editor's corrections (content/corrections.yaml): explicit OCR fixes,
 * original -> corrected, per document. Validated strictly; applied visibly
 * by annotate() and listed in the quality report.
 */
import { parse } from 'yaml';
import type { Correction } from './index.ts';

export class CorrectionsFileError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
    this.name = 'CorrectionsFileError';
  }
}

const ALLOWED = new Set(['source', 'original', 'corrected', 'note', 'provision']);

export function parseCorrections(text: string, file: string): Correction[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new CorrectionsFileError(file, [`not valid YAML: ${(e as Error).message}`]);
  }
  if (doc === null || doc === undefined) return [];
  const list = (doc as { corrections?: unknown }).corrections;
  if (!Array.isArray(list)) throw new CorrectionsFileError(file, ['expected a top-level "corrections:" list']);
  const problems: string[] = [];
  const out: Correction[] = [];
  list.forEach((raw: unknown, i: number) => {
    const r = raw as Record<string, unknown>;
    const where = `corrections[${i}]`;
    if (typeof r !== 'object' || r === null) return void problems.push(`${where}: expected a mapping`);
    for (const k of Object.keys(r)) if (!ALLOWED.has(k)) problems.push(`${where}: unknown field "${k}"`);
    const { source, original, corrected, note, provision } = r;
    if (typeof source !== 'string' || !/^[\w.-]+\.(?:txt|pdf|docx|doc)$/.test(source)) return void problems.push(`${where}: "source" must be a file name in content/sources (.txt, .pdf, .docx or .doc)`);
    if (typeof original !== 'string' || original === '') return void problems.push(`${where} (${source}): "original" must be the exact text to correct`);
    if (typeof corrected !== 'string' || corrected === '' || corrected === original) return void problems.push(`${where} (${source}): "corrected" must be a different, non-empty text`);
    if (note !== undefined && typeof note !== 'string') return void problems.push(`${where} (${source}): "note" must be text`);
    if (provision !== undefined && typeof provision !== 'string') return void problems.push(`${where} (${source}): "provision" must be a provision id such as II.3`);
    out.push({ source, original: original.normalize('NFC'), corrected: corrected.normalize('NFC'), ...(note ? { note } : {}), ...(provision ? { provision } : {}) });
  });
  if (problems.length > 0) throw new CorrectionsFileError(file, problems);
  return out;
}
