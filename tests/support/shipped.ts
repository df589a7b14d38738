/** The shipped archive (the five first sources and the real corpus), converted once per test file (in memory). */
import { convertInMemory } from '../../scripts/pipeline/convert-archive.ts';
import type { DocumentModel } from '../../scripts/lib/model.ts';

export async function loadShippedDocuments(): Promise<DocumentModel[]> {
  const { documents, errors } = await convertInMemory('content');
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return documents;
}

/**
 * The five first sources (Quảng Ninh, named NNN_<16 hex>.txt): the golden
 * tests and the hand-checked citation list are about exactly these.
 */
export function isFirstFive(sourceFile: string): boolean {
  return /^00[0-4]_[0-9a-f]{16}\.txt$/.test(sourceFile);
}
