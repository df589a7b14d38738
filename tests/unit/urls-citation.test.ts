/**
 * Citation text (scripts/lib/citation-text.ts), the provision toolbar
 * transform (src/lib/provision-tools.ts) and safe JSON in scripts.
 * Exact strings: a citation is copied into official documents.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentMetadata, DocumentModel, Fact, Provision } from '../../scripts/lib/model.ts';
import type { TocEntry } from '../../scripts/lib/site-data.ts';
import { citationDate } from '../../scripts/lib/vn-date.ts';
import {
  citationText,
  documentCitation,
  issuerPhrase,
  joinCitation,
  movedFragmentNotice,
  provisionPart,
} from '../../scripts/lib/citation-text.ts';
import { dropLabelTitles, outlineParts, TOOL_SELECTOR, toolIds } from '../../src/lib/provision-tools.ts';
import { inlineScript, jsonForScript } from '../../src/lib/json-script.ts';
import { isFirstFive, loadShippedDocuments } from '../support/shipped.ts';

const URL_09 = 'https://luu-tru.example.org/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/';
const URL_205 = 'https://luu-tru.example.org/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/';

/** The outline as the site gets it: every provision with its heading text (enough for citations). */
function toc(provisions: Provision[], depth = 0): TocEntry[] {
  return provisions.flatMap((p) => [
    { id: p.id, label: p.label, title: p.heading.map((n) => (n.kind === 'text' ? n.text : '')).join(''), depth },
    ...toc(p.children, depth + 1),
  ]);
}

let docs: Map<string, DocumentModel>;
beforeAll(async () => {
  docs = new Map((await loadShippedDocuments()).filter((d) => isFirstFive(d.sourceFile)).map((d) => [d.sourceFile.slice(0, 3), d]));
});
const doc = (n: string) => {
  const d = docs.get(n);
  if (!d) throw new Error(`no shipped document ${n}`);
  return { meta: d.meta, toc: toc(d.provisions) };
};

describe('citations of the shipped documents', () => {
  it('000, section II.3 of a party resolution', () => {
    expect(citationText(doc('000'), 'II.3', URL_09)).toBe(
      `Nghị quyết số 09-NQ/TU ngày 08/12/2017 của Ban Chấp hành Đảng bộ tỉnh Quảng Ninh, mục II.3, ${URL_09}#II.3`,
    );
  });

  it('002, article 1 clause 2 of an HĐND resolution (month without a leading zero, HĐND written out)', () => {
    expect(citationText(doc('002'), 'dieu-1.2', URL_205)).toBe(
      `Nghị quyết số 205/NQ-HĐND ngày 10/7/2024 của Hội đồng nhân dân tỉnh Quảng Ninh, Điều 1 khoản 2, ${URL_205}#dieu-1.2`,
    );
    expect(citationText(doc('002'), 'dieu-1', URL_205)).toBe(
      `Nghị quyết số 205/NQ-HĐND ngày 10/7/2024 của Hội đồng nhân dân tỉnh Quảng Ninh, Điều 1, ${URL_205}#dieu-1`,
    );
  });

  it('the whole document, and unnumbered parts named in words', () => {
    expect(citationText(doc('000'), null, URL_09)).toBe(`Nghị quyết số 09-NQ/TU ngày 08/12/2017 của Ban Chấp hành Đảng bộ tỉnh Quảng Ninh, ${URL_09}`);
    expect(citationText(doc('002'), 'can-cu', null)).toBe('Nghị quyết số 205/NQ-HĐND ngày 10/7/2024 của Hội đồng nhân dân tỉnh Quảng Ninh, phần căn cứ ban hành');
    expect(citationText(doc('002'), 'quyet-nghi', null)).toBe('Nghị quyết số 205/NQ-HĐND ngày 10/7/2024 của Hội đồng nhân dân tỉnh Quảng Ninh, phần “QUYẾT NGHỊ”');
  });

  it('003: the inferred number and date are not cited; the subject identifies it instead', () => {
    const d = doc('003');
    expect(d.meta.numberSymbol.inferred).toBe(true);
    const text = documentCitation(d.meta);
    expect(text).not.toContain('05-NQ/TU');
    expect(text).not.toContain('09/4/2021');
    expect(text).not.toMatch(/chưa rõ|suy luận/);
    expect(text).toBe(`Nghị quyết của Tỉnh ủy Quảng Ninh ${d.meta.title.value!.charAt(0).toLowerCase()}${d.meta.title.value!.slice(1)}`);
  });

  it('001 and 004: an inferred year and an inferred organ are left out; a header organ gets its place', () => {
    const t001 = documentCitation(doc('001').meta);
    expect(t001).toBe('Nghị quyết của Tỉnh ủy Quảng Ninh về phương hướng, nhiệm vụ năm 2023');
    const t004 = documentCitation(doc('004').meta);
    expect(t004).toBe('Nghị quyết của Ban Chấp hành Đảng bộ thành phố Hạ Long về phương hướng, nhiệm vụ năm 2021');
  });
});

const fact = <T,>(value: T | null, extra: Partial<Fact<T>> = {}): Fact<T> => ({ value, origin: value === null ? null : 'header', ...extra });
const unknown = <T,>(): Fact<T> => ({ value: null, origin: null });
function meta(over: Partial<DocumentMetadata>): DocumentMetadata {
  return {
    type: unknown(),
    numberSymbol: unknown(),
    date: unknown(),
    year: unknown(),
    issuer: unknown(),
    organ: unknown(),
    place: unknown(),
    title: unknown(),
    signer: unknown(),
    signerTitle: unknown(),
    signingCapacity: unknown(),
    session: unknown(),
    ...over,
  };
}

describe('citation rules', () => {
  it('writes dates as administrative documents do (Nghị định 30/2020): zero before days < 10 and months 1, 2', () => {
    expect(citationDate('2017-12-08')).toBe('08/12/2017');
    expect(citationDate('2024-07-10')).toBe('10/7/2024');
    expect(citationDate('2022-02-05')).toBe('05/02/2022');
    expect(citationDate('2021-01-23')).toBe('23/01/2021');
    expect(citationDate('2021-04-09')).toBe('09/4/2021');
    expect(citationDate('2021')).toBeNull();
  });

  it('leaves out what is unknown, never writes "chưa rõ"', () => {
    expect(documentCitation(meta({}))).toBe('Văn bản');
    expect(documentCitation(meta({ year: fact(2019) }))).toBe('Văn bản năm 2019');
    expect(documentCitation(meta({ type: fact('CT'), numberSymbol: fact('41-CT/TU') }))).toBe('Chỉ thị số 41-CT/TU');
  });

  it('leaves out every inferred fact, the type too', () => {
    const m = meta({
      type: fact('NQ', { inferred: true }),
      numberSymbol: fact('05-NQ/TU', { inferred: true }),
      date: fact('2021-04-09', { inferred: true }),
      year: fact(2021, { inferred: true }),
      issuer: fact({ name: 'Tỉnh ủy Quảng Ninh', slug: 'tinh-uy-quang-ninh', branch: 'party' as const, province: 'Quảng Ninh' }),
    });
    expect(documentCitation(m)).toBe('Văn bản của Tỉnh ủy Quảng Ninh');
  });

  it('names the issuer in full words', () => {
    const issuer = (name: string) => meta({ issuer: fact({ name, slug: 'x', branch: 'state' as const, province: 'Quảng Ninh' }) });
    expect(issuerPhrase(issuer('HĐND tỉnh Quảng Ninh'))).toBe('Hội đồng nhân dân tỉnh Quảng Ninh');
    expect(issuerPhrase(issuer('UBND thành phố Hạ Long'))).toBe('Ủy ban nhân dân thành phố Hạ Long');
    expect(issuerPhrase(issuer('Tỉnh ủy Quảng Ninh'))).toBe('Tỉnh ủy Quảng Ninh');
    const withOrgan = meta({ issuer: fact({ name: 'Tỉnh ủy Quảng Ninh', slug: 'x', branch: 'party' as const, province: 'Quảng Ninh' }), organ: fact('Ban Thường vụ Tỉnh ủy') });
    expect(issuerPhrase(withOrgan)).toBe('Ban Thường vụ Tỉnh ủy Quảng Ninh');
    expect(issuerPhrase(meta({ organ: fact('Ban Chấp hành Đảng bộ tỉnh') }))).toBe('Ban Chấp hành Đảng bộ tỉnh');
  });

  it('names provisions by their numbering path', () => {
    expect(provisionPart('II')).toBe('mục II');
    expect(provisionPart('II.3')).toBe('mục II.3');
    expect(provisionPart('II.2.2.1')).toBe('mục II.2.2.1');
    expect(provisionPart('II.3.a')).toBe('mục II.3 điểm a');
    expect(provisionPart('dieu-2')).toBe('Điều 2');
    expect(provisionPart('dieu-1.2.a')).toBe('Điều 1 khoản 2 điểm a');
    expect(provisionPart('dieu-1.1.ct-3')).toBe('Điều 1 khoản 1 chỉ tiêu (3)');
    expect(provisionPart('I.2.ct-15')).toBe('mục I.2 chỉ tiêu (15)');
    expect(provisionPart('noi-nhan')).toBe('phần nơi nhận');
    expect(provisionPart('some-heading')).toBeNull();
    expect(provisionPart('some-heading', [{ id: 'some-heading', label: '', title: 'Phụ lục:', depth: 0 }])).toBe('phần “Phụ lục”');
  });

  it('joins with commas and drops empty parts (the rule the browser script repeats)', () => {
    expect(joinCitation('A', 'mục I', '/x/#I')).toBe('A, mục I, /x/#I');
    expect(joinCitation('A', null, '/x/')).toBe('A, /x/');
    expect(joinCitation('A', '', null)).toBe('A');
  });

  it('words the notice for a renumbered provision', () => {
    expect(movedFragmentNotice('II.3', 'II.4')).toBe(
      'Mục II.3 (địa chỉ #II.3) nay là mục II.4 (#II.4), do văn bản được đánh số lại. Khi trích dẫn, hãy dùng địa chỉ mới.',
    );
  });
});

describe('provision toolbar list (attached in the browser by src/scripts/cite.js)', () => {
  const body =
    '<div class="source-header" id="dau-van-ban"><p>X</p></div>' +
    '<section id="can-cu" class="provision provision--preamble" data-provision="can-cu"><p>Căn cứ ...</p></section>' +
    '<section id="II.3" class="provision provision--section" data-provision="II.3"><h3 class="provision__heading"><a class="provision__label" href="#II.3" title="Liên kết đến mục này">3-</a> Tiêu đề</h3>' +
    '<p>a <ins class="correction" title="Nguyên văn: a>b <section id=&quot;x&quot;>">b</ins> <span id="II.3.ct-1" class="target">(1)</span></p>' +
    '<div class="bullet"><p>- x</p></div></section>' +
    '<section class="footnotes" id="chu-thich"><ol><li id="fn-1">n</li></ol></section>';

  it('finds each provision and fixed block, in document order; the page carries only the parts that need the outline', () => {
    expect(toolIds(body)).toEqual(['dau-van-ban', 'can-cu', 'II.3', 'chu-thich']);
    expect(TOOL_SELECTOR).toBe('section[data-provision][id], [id="dau-van-ban"], [id="chu-thich"]');
    const toc = [{ id: 'quyet-nghi', title: 'QUYẾT NGHỊ:' }] as Parameters<typeof provisionPart>[1];
    const withHeading = body + '<section id="quyet-nghi" class="provision" data-provision="quyet-nghi"><p>QUYẾT NGHỊ:</p></section>';
    const options = { part: (id: string) => provisionPart(id, toc), partFromId: (id: string) => provisionPart(id) };
    expect(outlineParts(body, options)).toEqual([]);
    expect(outlineParts(withHeading, options)).toEqual([['quyet-nghi', 'phần “QUYẾT NGHỊ”']]);
  });

  it('drops only the numbering labels\' repeated tooltip, nothing else', () => {
    const out = dropLabelTitles(body);
    expect(out).toBe(body.replace(' title="Liên kết đến mục này"', ''));
    expect(out).toContain('title="Nguyên văn: a>b <section id=&quot;x&quot;>"');
    const other = '<a href="#x" title="Liên kết đến mục này">x</a>';
    expect(dropLabelTitles(other)).toBe(other);
  });
});

describe('JSON inside <script>', () => {
  it('cannot close the script element and still parses to the same value', () => {
    const value = { name: 'a</script><script>alert(1)</script>', c: '<!-- x -->', amp: 'a & b', ls: '\u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/<|>|&/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('inline scripts lose their repository comment and may not hold "</script"', () => {
    expect(inlineScript('/* doc */\n(function () {\n  // why\n  var a = 1;\n\n  return a;\n})();\n')).toBe('(function () {\nvar a = 1;\nreturn a;\n})();');
    expect(() => inlineScript('var s = "</script>";')).toThrow();
  });
});
