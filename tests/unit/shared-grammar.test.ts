/**
 * One concept, one module (docs/decisions/1006-one-concept-one-module.md):
 * the header reader and the citation recogniser read symbols and dates with
 * the same grammar (scripts/lib/symbol.ts, scripts/lib/vn-date.ts); folding
 * is scripts/lib/fold.ts, public paths scripts/lib/paths.ts. Checked on
 * spellings taken from the sources and on the published-URL register.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { recogniseCitations } from '../../scripts/pipeline/06-annotate/citations/recognise.ts';
import { citedIssuer } from '../../scripts/pipeline/06-annotate/citations/issuer.ts';
import { canonicalIssuer } from '../../scripts/lib/issuers.ts';
import { parseSymbol } from '../../scripts/lib/symbol.ts';
import { isoDate, parseVietnameseDate } from '../../scripts/lib/vn-date.ts';
import { foldForSearch, foldToAscii, hasMarks, stripTones, toneInsensitivePattern } from '../../scripts/lib/fold.ts';
import { CITED_PATH, citedKeyOf, citedPath, DOCUMENT_PATH, documentPath, documentRoute, FRAGMENT_ID, provisionHref } from '../../scripts/lib/paths.ts';

const SOURCES = 'content/sources';
/** A source's text as the recogniser sees a paragraph: NFC, lines re-joined. */
const sourceText = (file: string) => readFileSync(`${SOURCES}/${file}`, 'utf8').normalize('NFC').replace(/\s+/g, ' ');
const sourceFile = (prefix: string) => readdirSync(SOURCES).find((f) => f.startsWith(prefix)) as string;

describe('symbols: the recogniser accepts every spelling the header reader accepts', () => {
  it('OCR-spaced symbols are recognised and canonicalised as parseSymbol does', () => {
    const cases: Array<[string, string, string | null]> = [
      ['Nghị quyết số 09  - NQ/TU ngày 08/12/2017', '09  - NQ/TU', '2017-12-08'],
      ['Nghị quyết số 13 / 2023 / NQ-HĐND', '13 / 2023 / NQ-HĐND', null],
    ];
    for (const [text, symbol, date] of cases) {
      const header = parseSymbol(symbol);
      expect(header?.canonical).toBe(symbol.replace(/\s/g, ''));
      const found = recogniseCitations(`Thực hiện ${text} của Tỉnh ủy về`);
      expect(found.map((c) => [c.text, c.symbol, c.date])).toEqual([[text, header, date]]);
    }
  });

  it("000's own number as its header writes it (\"Số  09  - NQ/TU\") reads the same in a citation", () => {
    const line = readFileSync(`${SOURCES}/${sourceFile('000_')}`, 'utf8').split('\n').find((l) => /^Số\s/u.test(l)) as string;
    const written = line.replace(/^Số\s+/u, '').trim();
    expect(written).toBe('09  - NQ/TU');
    const [c] = recogniseCitations(`theo Nghị quyết số ${written} ngày 08/12/2017 của Ban Chấp hành Đảng bộ tỉnh`);
    expect(c?.symbol?.canonical).toBe(parseSymbol(written)?.canonical);
  });

  it('citations in the sources whose symbols OCR split keep their whole symbol and their date', () => {
    const cases: Array<[string, string, string, string]> = [
      ['086_', 'Nghị định số 85/2024/NĐ -CP ngày 10/7/2024', '85/2024/NĐ-CP', '2024-07-10'],
      ['091_', 'Nghị định số 34/2016/NĐ- CP ngày 14 tháng 5 năm 2016', '34/2016/NĐ-CP', '2016-05-14'],
    ];
    for (const [prefix, written, canonical, date] of cases) {
      const text = sourceText(sourceFile(prefix));
      const at = text.indexOf(written);
      expect(at, written).toBeGreaterThanOrEqual(0);
      const c = recogniseCitations(text).find((x) => x.start <= at && x.end >= at + written.length);
      expect([c?.symbol?.canonical, c?.date]).toEqual([canonical, date]);
    }
  });

  it('every symbol cited in the sources is still found with spaces around its separators', () => {
    const symbols = new Set<string>();
    for (const f of readdirSync(SOURCES).sort()) for (const c of recogniseCitations(sourceText(f))) if (c.symbol) symbols.add(c.symbol.canonical);
    expect(symbols.size).toBeGreaterThan(100);
    const lost: string[] = [];
    for (const s of symbols) {
      const spaced = s.replace(/([-/])/g, ' $1 ');
      const c = recogniseCitations(`Căn cứ Quyết định số ${spaced} ngày 08/12/2017 về`)[0];
      if (c?.symbol?.canonical !== s || parseSymbol(spaced)?.canonical !== s || c.date !== '2017-12-08') lost.push(spaced);
    }
    expect(lost).toEqual([]);
  });
});

describe('Vietnamese dates (scripts/lib/vn-date.ts)', () => {
  it('reads the written forms, with and without leading zeros and OCR spaces', () => {
    const day = { iso: '2023-12-08', year: 2023, month: 12, day: 8 };
    for (const t of ['ngày 08 tháng 12 năm 2023', '08/12/2023', '8/12/2023', '8-12-2023', '08.12.2023', 'NGÀY 08 THÁNG 12 NĂM 2023', '8  tháng 12 năm2023', '08/ 12 /2023']) {
      expect(parseVietnameseDate(t), t).toEqual(day);
    }
    expect(parseVietnameseDate('31/02/2023')).toBeNull();
    expect(parseVietnameseDate('8-12/2023')).toBeNull();
    expect(parseVietnameseDate('số 08')).toBeNull();
  });

  it('a blank day and month (a copy before signing) give the year alone', () => {
    // 082's header: "Hà Nội, ngày        tháng       năm 2024".
    const line = readFileSync(`${SOURCES}/${sourceFile('082_')}`, 'utf8').split('\n').find((l) => /ngày\s+tháng/u.test(l)) as string;
    const blank = /ngày\s+tháng\s+năm\s+\d{4}/u.exec(line)?.[0] as string;
    expect(parseVietnameseDate(blank)).toEqual({ iso: null, year: 2024, month: null, day: null });
    expect(parseVietnameseDate('ngày   tháng 02 năm 2025')).toEqual({ iso: null, year: 2025, month: 2, day: null });
  });

  it('isoDate keeps only real calendar days', () => {
    expect(isoDate('08', '12', '2017')).toBe('2017-12-08');
    expect(isoDate(29, 2, 2024)).toBe('2024-02-29');
    expect(isoDate(29, 2, 2023)).toBeNull();
    expect(isoDate(1, 13, 2023)).toBeNull();
    expect(isoDate(1, 1, 17)).toBeNull();
  });

  it('the recogniser reads every form after "ngày"', () => {
    for (const d of ['08/12/2017', '8-12-2017', '08 tháng 12 năm 2017', '08.12.2017']) {
      expect(recogniseCitations(`Nghị quyết số 09-NQ/TU ngày ${d} của Tỉnh ủy`)[0]?.date, d).toBe('2017-12-08');
    }
  });
});

describe('folding (scripts/lib/fold.ts)', () => {
  it('each fold keeps and drops what it says', () => {
    const s = 'Đảng bộ tỉnh Quảng Ninh, Quỵ định';
    expect(stripTones(s)).toBe('Đang bô tinh Quang Ninh, Quy đinh');
    expect(foldToAscii(s)).toBe('Dang bo tinh Quang Ninh, Quy dinh');
    expect(foldForSearch('Đảng,')).toBe('dang');
    expect(foldToAscii(s.normalize('NFD'))).toBe(foldToAscii(s));
    expect([hasMarks('Đang'), hasMarks('dang'), hasMarks('ủy'.normalize('NFD'))]).toEqual([true, false, true]);
  });
  it('the tone-insensitive pattern matches OCR tone damage, not lost vowel marks', () => {
    const re = new RegExp(`^${toneInsensitivePattern('Quyết định')}$`, 'iu');
    expect(['Quyết định', 'Quyêt định', 'QUYẾT ĐỊNH', 'Quyết  dịnh'].map((w) => re.test(w))).toEqual([true, true, true, true]);
    expect(re.test('Quyet định')).toBe(false);
  });
});

describe('public paths (scripts/lib/paths.ts)', () => {
  it('every published URL is rebuilt by the path functions from its parts', () => {
    const lines = readFileSync('content/published-urls.txt', 'utf8').split('\n').filter((l) => l.startsWith('/'));
    let documents = 0;
    let cited = 0;
    for (const line of lines) {
      const [path, fragment] = line.split('#') as [string, string | undefined];
      const route = documentRoute(path);
      if (route !== null) {
        const [issuer, year, last] = route.split('/') as [string, string, string];
        expect(provisionHref(documentPath(issuer, Number(year), last), fragment ?? null)).toBe(line);
        expect([DOCUMENT_PATH.test(path), fragment === undefined || FRAGMENT_ID.test(fragment)]).toEqual([true, true]);
        documents++;
      } else {
        const key = citedKeyOf(path) as string;
        expect([citedPath(key), CITED_PATH.test(path), fragment]).toEqual([line, true, undefined]);
        cited++;
      }
    }
    expect(documents).toBeGreaterThan(0);
    expect(cited).toBeGreaterThan(0);
    expect(citedKeyOf('/tham-chieu/')).toBeNull();
    expect(documentRoute('/tham-chieu/a/b/')).toBeNull();
  });
});

describe('issuers of citations come from content/issuers.yaml (scripts/lib/issuers.ts)', () => {
  const cite = (text: string) => recogniseCitations(text)[0]!;
  it('a central body by its symbol code, with no province', () => {
    const text = sourceText(sourceFile('085_'));
    const c = recogniseCitations(text).find((x) => x.symbol?.canonical === '40/2019/TT-BTC')!;
    expect(citedIssuer(c, null).issuer).toEqual({ name: 'Bộ Tài chính', slug: 'bo-tai-chinh', branch: 'state', province: null });
  });
  it("a city's committee cites its province's, and the province is carried", () => {
    const citing = canonicalIssuer('Thành ủy Hạ Long');
    const c = cite('Nghị quyết số 02-NQ/TU ngày 02/12/2020 của Ban Chấp hành Đảng bộ Tỉnh');
    expect(citedIssuer(c, citing).issuer).toMatchObject({ name: 'Tỉnh ủy Quảng Ninh', province: 'Quảng Ninh' });
    // A centrally governed city lies in no province: "của Tỉnh ủy" there names nobody.
    expect(citedIssuer(c, canonicalIssuer('UBND thành phố Hà Nội')).issuer).toBeNull();
  });
});
