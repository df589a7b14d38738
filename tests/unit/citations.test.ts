/**
 * Citations: recall over the hand-checked list of every citation in the five
 * sources, the forms of docs/domain.md (section 5), and the traps (a wrong link
 * is worse than none).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { recogniseCitations } from '../../scripts/pipeline/06-annotate/citations/recognise.ts';
import { convertInMemory } from '../../scripts/pipeline/convert-archive.ts';
import type { CitationGraph } from '../../scripts/pipeline/07-link/index.ts';
import type { DocumentModel } from '../../scripts/lib/model.ts';
import { tempContent } from '../support/temp-content.ts';
import { isFirstFive } from '../support/shipped.ts';

const shipped = await convertInMemory('content');
const docs = shipped.documents;
const graph: CitationGraph = shipped.graph;
const source = (d: DocumentModel) => d.sourceFile.slice(0, 3);
const firstFive = docs.filter((d) => isFirstFive(d.sourceFile));
const ofSource = (s: string) => firstFive.find((d) => source(d) === s) as DocumentModel;

interface Expected { source: string; provision: string; kind: string; typeWord: string; what: string; date: string; issuer: string }
const expected: Expected[] = readFileSync('tests/fixtures/citations.txt', 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
  .map((l) => {
    const [source, provision, kind, typeWord, what, date, issuer] = l.split('|').map((x) => x.trim()) as string[];
    return { source: source!, provision: provision!, kind: kind!, typeWord: typeWord!, what: what!, date: date!, issuer: issuer! };
  });

describe('recall over the five sources', () => {
  it(`finds every one of the ${expected.length} hand-checked citations, with its identity`, () => {
    const found = firstFive.flatMap((d) =>
      d.citations.map((c) => ({
        source: source(d),
        provision: c.provision,
        kind: c.identity.kind,
        typeWord: c.identity.typeWord,
        what: c.identity.numberSymbol ?? c.identity.number ?? c.identity.name ?? '',
        date: c.identity.date ?? '',
        issuer: c.identity.issuer?.name ?? '?',
      })),
    );
    const key = (e: Expected) => JSON.stringify(e);
    const missing = expected.filter((e) => !found.some((f) => key(f) === key(e)));
    expect(missing).toEqual([]);
    // Nothing recognised that the hand-checked list does not have.
    expect(found.filter((f) => !expected.some((e) => key(e) === key(f)))).toEqual([]);
  });
});

describe('recall, independently of the fixture', () => {
  // Over the five first sources, whose citations were checked by hand. The real corpus's
  // recall (laws cited as "Luật ... số 77/2015/QH13", "Văn bản số ...") is the relations issue's work.
  it('every symbol-shaped string of the five first sources is part of a recognised citation (but the document\'s own number)', () => {
    const SYMBOLISH = /\d{1,5}\s?-\s?[A-ZĐ][A-Za-zĐđ]{0,4}\s?\/\s?[A-ZĐ][A-ZĐ0-9]{1,9}|\d{1,5}\s?\/\s?(?:\d{4}\/)?[A-ZĐ][A-Za-zĐđ]{0,4}\s?-\s?[A-ZĐ][A-Za-zĐđ0-9]{0,9}|\d+\/\d{4}\/QH\d+/g;
    for (const d of firstFive) {
      const text = readFileSync(`content/sources/${d.sourceFile}`, 'utf8').normalize('NFC').replace(/\s+/g, ' ');
      const inText = new Set([...text.matchAll(SYMBOLISH)].map((m) => m[0].replace(/\s/g, '')));
      inText.delete(d.meta.numberSymbol.value ?? '');
      const recognised = d.citations.map((c) => c.identity.numberSymbol ?? '');
      // A joint document's symbol goes on with more issuer codes ("28/2010/TTLT-BLĐTBXH-BNV"): this simple pattern finds its start.
      const found = (sym: string) => recognised.some((r) => r === sym || r.startsWith(`${sym}-`));
      expect([...inText].filter((sym) => !found(sym)), d.sourceFile).toEqual([]);
    }
  });
});

describe('citation forms', () => {
  const one = (text: string) => recogniseCitations(text).map((c) => [c.text, c.symbol?.canonical ?? c.number ?? c.law?.name ?? c.plenum?.number, c.date, c.issuerPhrase]);
  it('with and without "số", dates in both forms, a comma before "ngày"', () => {
    expect(one('Nghị quyết số 176/NQ-HĐND ngày 08 tháng 12 năm 2023 của Hội đồng nhân dân tỉnh về')).toEqual([['Nghị quyết số 176/NQ-HĐND ngày 08 tháng 12 năm 2023', '176/NQ-HĐND', '2023-12-08', 'Hội đồng nhân dân tỉnh']]);
    expect(one('Chỉ thị 05-CT/TW của Bộ Chính trị')).toEqual([['Chỉ thị 05-CT/TW', '05-CT/TW', null, 'Bộ Chính trị']]);
    expect(one('Nghị quyết số 02-NQ/TU, ngày 02/12/2020 của Ban Chấp hành Đảng bộ Tỉnh')).toEqual([['Nghị quyết số 02-NQ/TU, ngày 02/12/2020', '02-NQ/TU', '2020-12-02', 'Ban Chấp hành Đảng bộ Tỉnh']]);
    expect(one('Quyết định số 99-QĐ/TW ngày 3/10/2017')[0]?.[2]).toBe('2017-10-03');
  });
  it('lists that share a type, and a shared "của" after the list', () => {
    expect(one('các Nghị quyết số 03-NQ/TU ngày 23/3/2021, số 04-NQ/TU ngày 24/3/2021, số 23-NQ/TU ngày 03/3/2024 của Tỉnh ủy')).toEqual([
      ['Nghị quyết số 03-NQ/TU ngày 23/3/2021', '03-NQ/TU', '2021-03-23', 'Tỉnh ủy'],
      ['số 04-NQ/TU ngày 24/3/2021', '04-NQ/TU', '2021-03-24', 'Tỉnh ủy'],
      ['số 23-NQ/TU ngày 03/3/2024', '23-NQ/TU', '2024-03-03', 'Tỉnh ủy'],
    ]);
    expect(one('Quyết định số 217-QĐ/TW, 218-QĐ/TW của Bộ Chính trị')).toEqual([
      ['Quyết định số 217-QĐ/TW', '217-QĐ/TW', null, 'Bộ Chính trị'],
      ['218-QĐ/TW', '218-QĐ/TW', null, 'Bộ Chính trị'],
    ]);
    expect(one('Nghị quyết số 18,19,26-NQ/TW của Ban Chấp hành Trung ương').map((c) => c[1])).toEqual(['18-NQ/TW', '19-NQ/TW', '26-NQ/TW']);
  });
  it('OCR-split symbols, OCR-damaged type words, glued words', () => {
    expect(one('Nghị quyết số 13- NQ/TU của Tỉnh uỷ')).toEqual([['Nghị quyết số 13- NQ/TU', '13-NQ/TU', null, 'Tỉnh uỷ']]);
    expect(one('thực hiện nghiêm Quỵ định số 85-QĐ/TW ngày 07/10/2022 của Ban Bí thư')[0]?.[1]).toBe('85-QĐ/TW');
    expect(one('có hiệu quảNghị quyết số 10-NQ/TU ngày 26/9/2022 của Tỉnh ủy')[0]?.[0]).toBe('Nghị quyết số 10-NQ/TU ngày 26/9/2022');
    expect(one('Quyêt định số 06/QĐ-TTg ngàỵ 06/01/2022 của Thủ tướng Chinh phủ')[0]?.[2]).toBe('2022-01-06');
  });
  it('all three symbol families', () => {
    expect(one('Nghị quyết số 68/2022/QH15 ngày 10/11/2022 của Quốc hội')[0]?.[1]).toBe('68/2022/QH15');
    expect(one('Nghị định số 120/2020/NĐ-CP ngày 07/10/2020 của Chính phủ')[0]?.[1]).toBe('120/2020/NĐ-CP');
    expect(one('Chỉ thị 16/CT-TTg ngày 16/5/2016')[0]?.[1]).toBe('16/CT-TTg');
  });
  it('unnumbered citations: central plenums, laws, a provision of a law', () => {
    const plenums = recogniseCitations('Nghị quyết Trung ương 4,5,6 (khoá xin), Nghị quyết TW6 (khóa XII), Nghị quyết Trung ương 4 (khóa XI và khóa XII)');
    expect(plenums.map((c) => `${c.plenum?.number}/${c.plenum?.term}`)).toEqual(['4/XIII', '5/XIII', '6/XIII', '6/XII', '4/XI', '4/XII']);
    const law = recogniseCitations('theo quy định tại Điều 80 Luật Chăn nuôi năm 2018, giao UBND')[0];
    expect([law?.text, law?.provision, law?.law]).toEqual(['Điều 80 Luật Chăn nuôi năm 2018', 'dieu-80', { name: 'Chăn nuôi', year: 2018 }]);
    // Part of a longer law name: not a citation of "Luật Tổ chức chính quyền địa phương năm 2019".
    expect(recogniseCitations('Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương năm 2019')).toEqual([]);
  });
  it('keeps a type word that disagrees with the code, and reports it', () => {
    const [c] = recogniseCitations('Chỉ thị số 12-NQ/TU ngày 01/02/2020');
    expect([c?.typeWord, c?.type, c?.typeMismatch]).toEqual(['Chỉ thị', 'CT', true]);
  });
});

describe('resolution: no wrong link', () => {
  it("001's 09-NQ/TU of 05/02/2022 does not link to the 2017 document", () => {
    const c = ofSource('001').citations.find((x) => x.identity.numberSymbol === '09-NQ/TU')!;
    expect(c.identity.date).toBe('2022-02-05');
    expect(c.targetId).toBeNull();
    expect(c.href).toBe('/tham-chieu/tinh-uy-quang-ninh/09-nq-tu-2022/');
  });
  it('the two dates cited for 06-NQ/TU are reported as a conflict', () => {
    const entry = graph.cited.find((c) => c.key === 'tinh-uy-quang-ninh/06-nq-tu-2021')!;
    expect(entry.datesSeen).toEqual(['2021-05-17', '2021-07-15']);
    expect(entry.conflict).toBe(true);
    expect(ofSource('001').quality.some((q) => q.kind === 'citation-conflict' && q.message.includes('2021-05-17, 2021-07-15'))).toBe(true);
    expect(ofSource('002').quality.some((q) => q.kind === 'citation-conflict')).toBe(true);
  });
  it("004's citations of Thành ủy documents are not taken for Tỉnh ủy ones", () => {
    const d = ofSource('004');
    const kl = d.citations.find((c) => c.identity.numberSymbol === '10-KL/TU')!;
    expect(kl.identity.issuer?.name).toBe('Thành ủy Hạ Long');
    const nq = d.citations.find((c) => c.identity.numberSymbol === '02-NQ/TU')!;
    expect(nq.identity.issuer?.name).toBe('Tỉnh ủy Quảng Ninh');
    expect(d.citations.find((c) => c.identity.numberSymbol === '11-NQ/TU')?.identity.issuer?.name).toBe('Tỉnh ủy Quảng Ninh');
  });
  it("001's citation of 05-NQ/TU resolves to 003, marked as resting on an inference", () => {
    const c = ofSource('001').citations.find((x) => x.identity.numberSymbol === '05-NQ/TU')!;
    expect([c.status, c.targetId, c.targetInferred, c.href]).toEqual(['resolved', ofSource('003').id, true, ofSource('003').url]);
  });
  it('a citation without a date resolves only when exactly one archive document fits', async () => {
    const content = tempContent('content', { firstFive: true });
    try {
      // Two archive documents numbered 09-NQ/TU (2017 and a copy dated 2019): a dateless citation fits both.
      content.write('sources/999_copy.txt', readFileSync('content/sources/000_1be5c67f345d0e91.txt', 'utf8').replace('năm 2017', 'năm 2019'));
      content.write('sources/998_citer.txt', readFileSync('tests/fixtures/176-nq-hdnd.txt', 'utf8').replace('Giữ vững ổn định', 'Thực hiện Nghị quyết số 09-NQ/TU của Tỉnh ủy và Nghị quyết số 09-NQ/TU ngày 08/12/2017 của Tỉnh ủy; giữ vững ổn định'));
      const { documents, errors } = await convertInMemory(content.dir);
      expect(errors).toEqual([]);
      const citer = documents.find((d) => d.sourceFile === '998_citer.txt')!;
      const [dateless, dated] = citer.citations.filter((c) => c.identity.numberSymbol === '09-NQ/TU');
      expect([dateless?.status, dateless?.candidates]).toEqual(['ambiguous', ['tinh-uy-quang-ninh-2017-09-nq-tu', 'tinh-uy-quang-ninh-2019-09-nq-tu']]);
      expect([dated?.status, dated?.href]).toEqual(['resolved', '/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/']);
      expect(citer.quality.some((q) => q.kind === 'citation-ambiguous')).toBe(true);
    } finally {
      content.cleanup();
    }
  });
});

describe('adding a cited document', () => {
  it('turns every existing citation of it into a link, with no other change', async () => {
    const content = tempContent('content', { firstFive: true });
    try {
      content.write('sources/005_176.txt', readFileSync('tests/fixtures/176-nq-hdnd.txt', 'utf8'));
      const after = await convertInMemory(content.dir);
      expect(after.errors).toEqual([]);
      const d002 = after.documents.find((d) => isFirstFive(d.sourceFile) && d.sourceFile.startsWith('002'))!;
      const cites = d002.citations.filter((c) => c.identity.numberSymbol === '176/NQ-HĐND');
      expect(cites.map((c) => [c.provision, c.status, c.href])).toEqual([
        ['can-cu', 'resolved', '/van-ban/hdnd-tinh-quang-ninh/2023/176-nq-hdnd/'],
        ['dieu-1', 'resolved', '/van-ban/hdnd-tinh-quang-ninh/2023/176-nq-hdnd/'],
      ]);
      const mdx = after.files.get(`documents/${d002.id}.mdx`)!;
      expect(mdx).toContain('<a href="/van-ban/hdnd-tinh-quang-ninh/2023/176-nq-hdnd/" class="citation">Nghị quyết số 176/NQ-HĐND ngày 08 tháng 12 năm 2023</a>');
      // The new document's own citation of a provision links to that provision.
      const d176 = after.documents.find((d) => d.sourceFile === '005_176.txt')!;
      const toProvision = d176.citations.find((c) => c.identity.numberSymbol === '09-NQ/TU')!;
      expect([toProvision.text, toProvision.identity.provision, toProvision.href]).toEqual(['mục II.3 Nghị quyết số 09-NQ/TU ngày 08/12/2017', 'II.3', '/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/#II.3']);
      // Only those links changed in 002's page.
      const before = shipped.files.get(`documents/${d002.id}.mdx`)!;
      expect(mdx.replaceAll('/van-ban/hdnd-tinh-quang-ninh/2023/176-nq-hdnd/', '/tham-chieu/hdnd-tinh-quang-ninh/176-nq-hdnd-2023/').replaceAll('<a href="/tham-chieu/hdnd-tinh-quang-ninh/176-nq-hdnd-2023/" class="citation">', '<a href="/tham-chieu/hdnd-tinh-quang-ninh/176-nq-hdnd-2023/" class="citation" data-unresolved="true">')).toBe(before);
    } finally {
      content.cleanup();
    }
  });
});
