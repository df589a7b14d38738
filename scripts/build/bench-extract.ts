/**
 * Step 00's cost on the original files of content/sources (.pdf, .docx, .doc):
 * milliseconds per page for the PDF text layer, DOCX, DOC and OCR, from the
 * extractors' own timings (Extracted.timings), with the cache bypassed so the
 * extractors themselves are measured (docs/decisions/1501-source-intake.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSource, formatOf } from '../pipeline/00-extract/index.ts';
import { findTools } from '../pipeline/00-extract/tools.ts';
import { ExtractError, type Extracted } from '../pipeline/00-extract/types.ts';

export interface StageFigures {
  stage: Extracted['timings'][number]['stage'];
  files: number;
  pages: number;
  ms: number;
}

export interface ExtractBench {
  stages: StageFigures[];
  /** Files held back by step 00, with the problem (tool-missing, corrupt ...). */
  refused: Array<{ file: string; problem: string }>;
  ocrEngine: string | null;
}

export async function benchExtraction(contentDir: string, log: (line: string) => void = () => {}): Promise<ExtractBench> {
  const tools = await findTools();
  const dir = join(contentDir, 'sources');
  const names = readdirSync(dir).filter((n) => formatOf(n) !== null && formatOf(n) !== 'txt').sort();
  const byStage = new Map<StageFigures['stage'], StageFigures>();
  const refused: ExtractBench['refused'] = [];
  for (const name of names) {
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    try {
      const x = await extractSource(name, bytes, tools, { cache: { bypass: true } });
      for (const t of x.timings) {
        const s = byStage.get(t.stage) ?? { stage: t.stage, files: 0, pages: 0, ms: 0 };
        s.files++;
        s.pages += t.pages;
        s.ms += t.ms;
        byStage.set(t.stage, s);
      }
      log(`  ${name}: ${x.method}, ${x.timings.map((t) => `${t.stage} ${t.pages} p ${Math.round(t.ms)} ms`).join(', ')}`);
    } catch (e) {
      if (!(e instanceof ExtractError)) throw e;
      refused.push({ file: name, problem: e.problem });
      log(`  ${name}: held back (${e.problem})`);
    }
  }
  const order: StageFigures['stage'][] = ['pdf-text', 'docx', 'doc', 'ocr'];
  return { stages: order.flatMap((s) => (byStage.has(s) ? [byStage.get(s)!] : [])), refused, ocrEngine: tools.ocr?.version ?? null };
}

const NAMES: Record<StageFigures['stage'], string> = { 'pdf-text': 'PDF text layer', docx: 'DOCX', doc: 'DOC (antiword)', ocr: 'OCR (pdftoppm + Tesseract)' };

export function extractionReport(b: ExtractBench): string[] {
  const out = ['', 'extraction (step 00) of the original files in content/sources, cache bypassed:'];
  out.push(`  ${'stage'.padEnd(28)} ${'files'.padStart(5)} ${'pages'.padStart(6)} ${'total s'.padStart(8)} ${'ms/page'.padStart(8)}`);
  for (const s of b.stages) {
    out.push(`  ${NAMES[s.stage].padEnd(28)} ${String(s.files).padStart(5)} ${String(s.pages).padStart(6)} ${(s.ms / 1000).toFixed(1).padStart(8)} ${(s.pages > 0 ? Math.round(s.ms / s.pages) : 0).toString().padStart(8)}`);
  }
  if (b.ocrEngine === null) out.push('  OCR: not installed on this machine (apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie): scans not measured');
  else out.push(`  OCR engine: ${b.ocrEngine}`);
  for (const r of b.refused) out.push(`  held back: ${r.file} (${r.problem})`);
  return out;
}
