/**
 * The provisions of a cited document an amending or repealing text names:
 * "khoản 2 Điều 5" -> dieu-5.2, "điểm b, Khoản 3, Điều 5 và Khoản 1, Điều 6"
 * -> dieu-5.3.b, dieu-6.1, "các Khoản 1, 2 và 7 Điều 1" -> dieu-1.1, dieu-1.2,
 * dieu-1.7 (ids as in docs/decisions/0002: point đ -> dd). Other parts ("mục
 * D, Phụ lục 1") keep their words without an id.
 */

export interface NamedProvision {
  text: string;
  id: string | null;
}

const VALUE = '(?:\\d{1,3}[a-z]?|[a-zđ]\\d{0,2})(?![\\p{L}\\d])';
const LIST = `${VALUE}(?:\\s*(?:,|và)\\s*${VALUE})*`;
const REF = new RegExp(`(?<!\\p{L})(điểm|khoản|điều|các\\s+điều|các\\s+khoản|các\\s+điểm)\\s+(${LIST})`, 'giu');
const OTHER = /^(?:mục|phụ\s+lục|tiết|chương|phần|biểu|bảng)(?!\p{L})/iu;

const pointId = (p: string) => p.toLowerCase().replace(/đ/g, 'dd');

/** Ids null when `annexed` (the provisions are the annexed regulation's, not the document's). */
export function namedProvisions(object: string, annexed: boolean): NamedProvision[] {
  const out: NamedProvision[] = [];
  // "điểm b, Khoản 1 và Điểm a, Khoản 4, Điều 1": (points, clauses) pairs wait for their article.
  let points: string[] = [];
  let pairs: Array<{ points: string[]; clause: string | null }> = [];
  let sawArticle = false;
  for (const m of object.matchAll(REF)) {
    const kind = (m[1] as string).toLowerCase().replace(/^các\s+/u, '');
    const values = (m[2] as string).split(/\s*(?:,|và)\s*/u).filter(Boolean);
    if (kind === 'điểm') {
      points = values;
    } else if (kind === 'khoản') {
      for (const c of values) pairs.push({ points, clause: c });
      points = [];
    } else {
      sawArticle = true;
      for (const article of values) {
        if (!/^\d/.test(article)) continue;
        const items = pairs.length > 0 ? pairs : [{ points: [], clause: null }];
        for (const { points: ps0, clause: c } of items) {
          const ps = c !== null && ps0.length > 0 ? ps0 : [null];
          for (const p of ps) {
            const text = [p !== null ? `điểm ${p}` : null, c !== null ? `khoản ${c}` : null, `Điều ${article}`].filter(Boolean).join(' ');
            const id = annexed ? null : ['dieu-' + article.toLowerCase(), c, p !== null ? pointId(p) : null].filter(Boolean).join('.');
            out.push({ text, id });
          }
        }
      }
      points = [];
      pairs = [];
    }
  }
  if (!sawArticle && OTHER.test(object.trim().replace(/^(?:toàn\s+bộ|các)\s+/iu, ''))) {
    // "mục D, Phụ lục 1", "Phụ lục số 03 - Tỷ lệ ...": the words up to the link to the document.
    const words = object
      .trim()
      .replace(/\s*(?:(?:được\s+)?quy\s+định\s+)?(?:(?:ban\s+hành\s+)?kèm\s+theo|tại|của)\s*$/iu, '')
      .replace(/^\s*(?:toàn\s+bộ|các)\s+/iu, '')
      .trim();
    const text = words.length > 80 ? `${words.slice(0, 80).replace(/\s+\S*$/u, '')} …` : words;
    if (text !== '') out.push({ text, id: null });
  }
  return out;
}
