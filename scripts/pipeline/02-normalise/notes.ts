/** Quality notes for what normalising removed or repaired: every change to the source text is reported. */
import type { QualityIssue } from '../../lib/model.ts';
import type { NormalisedText } from './index.ts';
import { joinsNote } from './split-words.ts';

/** What was removed, in the reader's words (the faithful-text test relies on the "đã bỏ …" openings). */
const REMOVED: Record<string, string> = {
  'page number': 'số trang',
  'stray bullets': 'dấu chấm rời',
  'running head': 'dòng đầu trang Công báo',
  'signature stamp': 'dấu chữ ký số của bản PDF',
};

export function normaliseNotes(norm: NormalisedText): QualityIssue[] {
  const notes = norm.removed.map((r): QualityIssue => ({
    kind: 'note',
    message: `đã bỏ ${REMOVED[r.why] ?? r.why} ở dòng ${r.sourceLine} của nguồn`,
    text: r.text,
  }));
  const joins = joinsNote(norm.joins);
  if (joins) notes.push({ kind: 'note', ...joins });
  return notes;
}
