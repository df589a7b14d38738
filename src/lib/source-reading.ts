/**
 * How the text on a document page was read from its source file, in the
 * reader's words (docs/decisions/1505-original-files-on-the-site.md): the
 * file's kind and the way (its text layer, the Word file's paragraphs, or
 * character recognition with engine, confidence and pages). Wording only;
 * what was done is step 00's record (SiteDocument.sourceReading, ADR 1501).
 */
import type { SiteDocument } from './archive-data';

export interface ReadingNote {
  /** One sentence: "Văn bản được đọc từ tệp PDF gốc (lớp chữ của tệp)." */
  sentence: string;
  /** True when any page was read by OCR: the page then warns that the text may hold errors. */
  ocr: boolean;
}

/** [1,2,3,5,7,8] -> "1–3, 5, 7–8" (pages as a reader counts them). */
export function pageRanges(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** "Tesseract 5.3.0 (vie), độ tin cậy trung bình 87%" */
function ocrDetails(ocr: NonNullable<NonNullable<SiteDocument['sourceReading']>['ocr']>): string {
  return `${ocr.engine}, độ tin cậy trung bình ${ocr.confidence}%`;
}

const OCR_WORDS = 'nhận dạng ký tự (OCR)';

export function readingNote(doc: SiteDocument): ReadingNote {
  const reading = doc.sourceReading;
  if (!reading || reading.method === 'text') {
    return { sentence: 'Văn bản được đọc từ tệp văn bản (.txt) kho nhận được.', ocr: false };
  }
  const { ocr } = reading;
  switch (reading.method) {
    case 'pdf-text':
      return { sentence: 'Văn bản được đọc từ tệp PDF gốc (lớp chữ của tệp).', ocr: false };
    case 'docx':
      return { sentence: 'Văn bản được đọc từ tệp Word (DOCX).', ocr: false };
    case 'doc':
      return { sentence: 'Văn bản được đọc từ tệp Word 97–2003 (DOC).', ocr: false };
    case 'ocr':
      if (!ocr) throw new Error(`Document ${doc.id}: read by OCR but no OCR record`);
      return { sentence: `Văn bản được đọc bằng ${OCR_WORDS} từ bản quét: ${ocrDetails(ocr)}; trang ${pageRanges(ocr.pages)}.`, ocr: true };
    case 'pdf-text+ocr':
      if (!ocr) throw new Error(`Document ${doc.id}: read partly by OCR but no OCR record`);
      return {
        sentence: `Văn bản được đọc từ tệp PDF gốc (lớp chữ của tệp); trang ${pageRanges(ocr.pages)} có lớp chữ không dùng được nên được đọc bằng ${OCR_WORDS}: ${ocrDetails(ocr)}.`,
        ocr: true,
      };
  }
}

/** The warning shown (and printed) with OCR text. */
export const OCR_WARNING = 'Chữ đọc bằng OCR có thể sai (dấu, chữ số, chữ bị nhòe): khi trích dẫn, hãy đối chiếu với tệp gốc.';
