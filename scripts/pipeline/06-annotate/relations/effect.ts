/**
 * When a document takes effect, as its own text says (ADR 1301):
 *   "<Nghị quyết> này có hiệu lực (thi hành) (kể) từ ngày 01 tháng 01 năm 2018" / "từ ngày 01/01/2018"
 *   "... có hiệu lực (thi hành) kể từ ngày ký" (or "ký ban hành", "ban hành"): the date of issue
 *   "... có hiệu lực kể từ ngày thông qua": the date of adoption
 *   "... có hiệu lực sau 10 ngày kể từ ngày ký": the date of issue + 10 days (inferred)
 *   "... có hiệu lực kể từ ngày   tháng   năm 2024" (left blank): unknown, the words kept
 * Only a sentence whose subject is "<type> này" speaks of this document; a
 * quoted sentence (an amended text) does not.
 */
import type { DocumentModel, Fact, Provision } from '../../../lib/model.ts';
import { DATE_SOURCE, parseVietnameseDate } from '../../../lib/vn-date.ts';
import { provisionStream, sentences } from './stream.ts';

export type Effect = NonNullable<DocumentModel['effect']>;

const TYPE = '(?:Thông tư|Nghị định|Quyết định|Nghị quyết|Chỉ thị|Quy định|Quy chế|Luật)';
/** "<type> này" anywhere before, or the bare type word opening a line ("Nghị quyết có hiệu lực ...", "Nghị quyết đã được ... thông qua ... và có hiệu lực ..."). */
const SUBJECT = new RegExp(`${TYPE}\\s+này(?!\\p{L})|(?<=^|\\n)\\s*(?:\\d{1,2}\\.\\s+)?${TYPE}(?!\\s+(?:số|liên))(?!\\p{L})`, 'giu');
const EFFECT = /có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+/iu;
const FROM_DATE = new RegExp(`^(?:kể\\s+)?từ\\s+ngày\\s+(${DATE_SOURCE})`, 'iu');
const BODY = '(?:(?:Hội\\s+đồng\\s+nhân\\s+dân|HĐND)(?:\\s+(?:tỉnh|thành\\s+phố))?\\s+)?';
const FROM_ACT = new RegExp(`^(?:kể\\s+)?từ\\s+ngày\\s+${BODY}(ký(?:\\s+ban\\s+hành)?|ban\\s+hành|thông\\s+qua)(?!\\p{L})`, 'iu');
const AFTER_DAYS = /^sau\s+(\d{1,3})\s+ngày,?\s+(?:kể\s+)?từ\s+ngày\s+(ký(?:\s+ban\s+hành)?|ban\s+hành|thông\s+qua)(?!\p{L})/iu;
const FROM_SOMETHING = /^(?:kể\s+)?từ\s+ngày(?!\p{L})/iu;

/** Document kinds whose text never says this document's effect. */
const SKIP = new Set<Provision['kind']>(['preamble', 'recipients', 'signature', 'annex']);

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Reads one sentence; null when it does not say this document's effect. */
export function effectOfSentence(sentence: string, issue: Fact<string>, provision: string | null): Effect | null {
  const e = EFFECT.exec(sentence);
  if (!e) return null;
  // Words from the last subject before it (a heading "Hiệu lực thi hành" may stand on a line before; closing lines keep their breaks).
  const subjects = [...sentence.slice(0, e.index).matchAll(SUBJECT)];
  const subject = subjects[subjects.length - 1];
  if (!subject) return null;
  const words = sentence
    .slice(subject.index)
    .replace(/^\s*\d{1,2}\.\s+/u, '')
    .replace(/\s+/gu, ' ')
    .replace(/[./]+$/u, '')
    .trim();
  const rest = sentence.slice(e.index + e[0].length);
  const unknown: Fact<string> = { value: null, origin: null };
  let m = FROM_DATE.exec(rest);
  if (m) {
    const iso = parseVietnameseDate(m[1] as string)?.iso ?? null;
    return { date: iso ? { value: iso, origin: 'closing' } : unknown, fromSigning: false, words, provision };
  }
  m = FROM_ACT.exec(rest);
  if (m) {
    const act = (m[1] as string).toLowerCase();
    const adoption = act.startsWith('thông');
    const date: Fact<string> = issue.value
      ? { value: issue.value, origin: issue.origin, note: adoption ? 'ngày thông qua của văn bản' : 'ngày ký (ngày ban hành) của văn bản', ...(issue.inferred ? { inferred: true } : {}) }
      : unknown;
    return { date, fromSigning: !adoption, words, provision };
  }
  m = AFTER_DAYS.exec(rest);
  if (m) {
    const n = Number(m[1]);
    // Counting starts the day after the act: signed 14/7, "sau 10 ngày" -> 24/7 (as 074 and 079 state both).
    const date: Fact<string> = issue.value ? { value: addDays(issue.value, n), origin: issue.origin, inferred: true, note: `${n} ngày sau ngày ${(m[2] as string).toLowerCase()}` } : unknown;
    return { date, fromSigning: false, words, provision };
  }
  if (FROM_SOMETHING.test(rest)) return { date: unknown, fromSigning: false, words, provision };
  return null;
}

/** The first sentence of the document (outside quotations) that says when it takes effect. */
export function readEffect(model: DocumentModel): Effect | null {
  let found: Effect | null = null;
  const visit = (ps: Provision[]): void => {
    for (const p of ps) {
      if (found) return;
      if (!SKIP.has(p.kind)) {
        const stream = provisionStream(p, new Map());
        for (const [start, end] of sentences(stream)) {
          if (stream.quoted(start) || stream.quoted(Math.min(end - 1, start + 1))) continue;
          const e = effectOfSentence(stream.text.slice(start, end), model.meta?.date ?? { value: null, origin: null }, p.id);
          if (e) {
            found = e;
            return;
          }
        }
      }
      visit(p.children);
    }
  };
  visit(model.provisions);
  return found;
}
