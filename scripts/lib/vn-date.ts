/**
 * Dates as Vietnamese documents write them: the one place they are read,
 * validated and written in citation style
 * (docs/decisions/1006-one-concept-one-module.md).
 *
 *   ngày 08 tháng 12 năm 2023    the header's place-and-date line, citations
 *   08/12/2023, 8/12/2023        citations (day/month/year, never month first)
 *   8-12-2023, 08.12.2023        gazette page headers ("Ngày 25-6-2022"), typed text
 *   ngày   tháng   năm 2025      a draft or a copy before signing: day and month
 *                                left blank, only the year known
 *
 * OCR and typing add or lose spaces ("28  tháng 6", "13/7/ 2017",
 * "năm2017"); upper-case headings write "NGÀY 08 THÁNG 12 NĂM 2016". Day
 * and month may carry a leading zero or not. The year has four digits.
 */

/**
 * "yyyy-mm-dd" for a real calendar day (31/02 and 29/02 of a common year are
 * not), else null. Takes the parts as written ("08", 8).
 */
export function isoDate(day: string | number, month: string | number, year: string | number): string | null {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (!Number.isInteger(d) || !Number.isInteger(m) || !Number.isInteger(y) || y < 1000 || y > 9999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Date as in Vietnamese administrative writing (Nghị định 30/2020/NĐ-CP): a
 * day below 10 and the months 1 and 2 take a leading zero, other months none:
 * 2017-12-08 -> "08/12/2017", 2024-07-10 -> "10/7/2024", 2022-02-05 -> "05/02/2022".
 */
export function citationDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [, year, month, day] = m as unknown as [string, string, string, string];
  const monthNumber = Number(month);
  const monthText = monthNumber <= 2 ? month : String(monthNumber);
  return `${day}/${monthText}/${year}`;
}

/*
 * Regex source pieces for finding dates inside longer patterns (use them
 * with the 'u' flag, and 'i' for upper-case headings). No capture groups, so
 * they embed anywhere; read what they matched with parseVietnameseDate.
 */
/** A day or month as written: one or two digits. */
export const DAY_SOURCE = '\\d{1,2}';
export const MONTH_SOURCE = '\\d{1,2}';
/** A four-digit year (not followed by another digit). */
export const YEAR_SOURCE = '\\d{4}(?!\\d)';
/** Separator of the numeric form: "/", "-" or "." with the spaces OCR adds; one kind per date. */
const SEPARATORS = ['\\/', '-', '\\.'];
const S = '[ \\t]*';

/** "08 tháng 12 năm 2023" (after "ngày"); "28  tháng 6", "năm2017" too. */
export const WORDED_DATE_SOURCE = `${DAY_SOURCE}\\s*tháng\\s*${MONTH_SOURCE}\\s*năm\\s*${YEAR_SOURCE}`;
/** "08/12/2023", "8-12-2023", "08.12.2023", "13/7/ 2017": day, month, year. */
export const NUMERIC_DATE_SOURCE = `(?:${SEPARATORS.map((sep) => `${DAY_SOURCE}${S}${sep}${S}${MONTH_SOURCE}${S}${sep}${S}${YEAR_SOURCE}`).join('|')})`;
/** Any complete date. The word "ngày" before it is the caller's. */
export const DATE_SOURCE = `(?:${WORDED_DATE_SOURCE}|${NUMERIC_DATE_SOURCE})`;
/** The worded form with day and/or month left blank: "   tháng   năm 2025", "  tháng 02 năm 2025". */
export const BLANK_DATE_SOURCE = `(?:${DAY_SOURCE})?\\s*tháng\\s*(?:${MONTH_SOURCE})?\\s*năm\\s*${YEAR_SOURCE}`;

const WORDED = new RegExp(`^(${DAY_SOURCE})?\\s*tháng\\s*(${MONTH_SOURCE})?\\s*năm\\s*(\\d{4})$`, 'iu');
const NUMERIC = SEPARATORS.map((sep) => new RegExp(`^(${DAY_SOURCE})${S}${sep}${S}(${MONTH_SOURCE})${S}${sep}${S}(\\d{4})$`, 'u'));

export interface VietnameseDate {
  /** "yyyy-mm-dd" when day, month and year are all given and form a real day; else null. */
  iso: string | null;
  year: number;
  /** Null when left blank ("ngày   tháng   năm 2025"). */
  month: number | null;
  day: number | null;
}

/**
 * Read one date, the whole of `text` (a leading "ngày" and surrounding
 * spaces allowed): the forms above. Null when `text` is not a date, or
 * names an impossible day ("31/02/2023"). A blank day or month gives a
 * partial date: { iso: null, year: 2025, month: null, day: null }.
 */
export function parseVietnameseDate(text: string): VietnameseDate | null {
  const t = text.normalize('NFC').trim().replace(/^ngày(?:\s+|(?=\d))/iu, '');
  const m = WORDED.exec(t) ?? NUMERIC.map((re) => re.exec(t)).find((x) => x !== null) ?? null;
  if (!m) return null;
  const year = Number(m[3]);
  const month = m[2] !== undefined ? Number(m[2]) : null;
  const day = m[1] !== undefined ? Number(m[1]) : null;
  if (day !== null && month !== null) {
    const iso = isoDate(day, month, year);
    return iso ? { iso, year, month, day } : null;
  }
  // Partial: a blank day or month (a given day alone says nothing, but is kept as written).
  if ((month !== null && (month < 1 || month > 12)) || (day !== null && (day < 1 || day > 31)) || year < 1000) return null;
  return { iso: null, year, month, day };
}
