/** The five shipped sources, converted once per test file (in memory). */
import { convertInMemory } from '../../scripts/pipeline/convert-archive.ts';
import type { DocumentModel } from '../../scripts/lib/model.ts';

export async function loadShippedDocuments(): Promise<DocumentModel[]> {
  const { documents, errors } = await convertInMemory('content');
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return documents;
}
