/** How a page says its text was read (src/lib/source-reading.ts, ADR 1505). */
import { describe, expect, it } from 'vitest';
import type { SiteDocument } from '../../src/lib/archive-data.ts';
import { pageRanges, readingNote } from '../../src/lib/source-reading.ts';

const doc = (sourceReading: SiteDocument['sourceReading']) => ({ id: 'x', sourceReading }) as SiteDocument;
const ocr = { engine: 'Tesseract 5.3.0 (vie)', confidence: 87, pages: [3, 1, 2, 7, 5, 6] };

describe('pageRanges', () => {
  it('joins runs of pages, in order, each page once', () => {
    expect(pageRanges([3, 1, 2, 7, 5, 6, 5])).toBe('1–3, 5–7');
    expect(pageRanges([4])).toBe('4');
    expect(pageRanges([1, 3, 5])).toBe('1, 3, 5');
  });
});

describe('readingNote', () => {
  it('a text file, or no record, is read as text: no OCR warning', () => {
    expect(readingNote(doc(undefined))).toEqual({ sentence: 'Văn bản được đọc từ tệp văn bản (.txt) kho nhận được.', ocr: false });
  });
  it('names the text layer, the Word formats, and OCR with engine, confidence and pages', () => {
    expect(readingNote(doc({ format: 'pdf', method: 'pdf-text', pages: 8, ocr: null })).sentence).toBe('Văn bản được đọc từ tệp PDF gốc (lớp chữ của tệp).');
    expect(readingNote(doc({ format: 'docx', method: 'docx', pages: 2, ocr: null })).sentence).toBe('Văn bản được đọc từ tệp Word (DOCX).');
    expect(readingNote(doc({ format: 'doc', method: 'doc', pages: null, ocr: null })).sentence).toBe('Văn bản được đọc từ tệp Word 97–2003 (DOC).');
    const scan = readingNote(doc({ format: 'pdf', method: 'ocr', pages: 7, ocr }));
    expect(scan).toEqual({ sentence: 'Văn bản được đọc bằng nhận dạng ký tự (OCR) từ bản quét: Tesseract 5.3.0 (vie), độ tin cậy trung bình 87%; trang 1–3, 5–7.', ocr: true });
    const mixed = readingNote(doc({ format: 'pdf', method: 'pdf-text+ocr', pages: 9, ocr: { ...ocr, pages: [4] } }));
    expect(mixed.ocr).toBe(true);
    expect(mixed.sentence).toMatch(/^Văn bản được đọc từ tệp PDF gốc \(lớp chữ của tệp\); trang 4 .*OCR.*87%\.$/);
  });
  it('refuses an OCR method without its record', () => {
    expect(() => readingNote(doc({ format: 'pdf', method: 'ocr', pages: 1, ocr: null }))).toThrow(/OCR/);
  });
});
