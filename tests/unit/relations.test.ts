/**
 * Relations between documents, effect dates and status (ADR 1301), on real
 * texts of content/sources: each expected value was read in the source.
 * A wrong relation is worse than none: the sentences that only mention a
 * document are tested to stay mentions.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../../scripts/pipeline/read-document.ts';
import { linkArchive } from '../../scripts/pipeline/07-link/index.ts';
import type { Citation, DocumentModel } from '../../scripts/lib/model.ts';

const SOURCES = 'content/sources';
const files = readdirSync(SOURCES);
const cache = new Map<string, DocumentModel>();
/** A shipped source by its three-digit prefix, read alone (no catalog needed for these). */
function source(prefix: string): DocumentModel {
  const file = files.find((f) => f.startsWith(`${prefix}_`));
  if (!file) throw new Error(`no source ${prefix}`);
  if (!cache.has(file)) cache.set(file, readDocument({ file, bytes: readFileSync(join(SOURCES, file)), catalog: undefined, corrections: [] }));
  return cache.get(file) as DocumentModel;
}
/** The citations of `symbol` in `provision` (in text order). */
function cited(d: DocumentModel, symbol: string, provision?: string): Citation[] {
  const found = d.citations.filter((c) => c.identity.numberSymbol === symbol && (provision === undefined || c.provision === provision));
  if (found.length === 0) throw new Error(`${d.sourceFile}: no citation of ${symbol}${provision ? ` in ${provision}` : ''}`);
  return found;
}
const typeOf = (c: Citation) => c.relation?.type;

describe('repeals', () => {
  it('060 (Gia Lai): "Điều 1. Bãi bỏ Nghị quyết số 43/2012/NQ-HĐND ngày 12/7/2012 ..." repeals it wholly', () => {
    const [c] = cited(source('060'), '43/2012/NQ-HĐND', 'dieu-1');
    expect(c?.relation).toEqual({ type: 'repeals', provisions: [], partial: false, evidence: 'Bãi bỏ' });
  });

  it('074 (Hà Giang): the closing "... và bãi bỏ điểm b, Khoản 3, Điều 5 và Khoản 1, Điều 6 của Nghị quyết số 47/2012/NQ-HĐND" names the provisions', () => {
    const [c] = cited(source('074'), '47/2012/NQ-HĐND', 'dieu-3');
    expect(c?.relation?.type).toBe('repeals');
    expect(c?.relation?.partial).toBe(true);
    expect(c?.relation?.provisions).toEqual([
      { text: 'điểm b khoản 3 Điều 5', id: 'dieu-5.3.b' },
      { text: 'khoản 1 Điều 6', id: 'dieu-6.1' },
    ]);
  });

  it('072 (Hà Giang): coordinated objects are repealed, the documents named in the title of a repealed one are only mentioned', () => {
    const d = source('072');
    // "bãi bỏ Khoản 4, Điều 1, Nghị quyết số 06/2005/NQ-HĐND và Mục IV Quy định ban hành kèm theo Nghị quyết số 06/2005/NQ-HĐND ngày 08 tháng 07 năm 2005"
    const [first, second, inTitle] = cited(d, '06/2005/NQ-HĐND', 'dieu-3');
    expect(first?.relation).toMatchObject({ type: 'repeals', partial: true, provisions: [{ text: 'khoản 4 Điều 1', id: 'dieu-1.4' }] });
    expect(second?.relation).toMatchObject({ type: 'repeals', partial: true, provisions: [{ text: 'Mục IV', id: null }] });
    // "bãi bỏ Khoản 1, Điều 1 Nghị quyết số 37/2011/NQ-HĐND ... về việc sửa đổi một số điều của Nghị quyết số 06/2005/NQ-HĐND, ... và bãi bỏ một phần Nghị quyết số 07/2009/NQ-HĐND"
    expect(cited(d, '37/2011/NQ-HĐND', 'dieu-3')[0]?.relation).toMatchObject({ type: 'repeals', provisions: [{ text: 'khoản 1 Điều 1', id: 'dieu-1.1' }] });
    expect(typeOf(inTitle as Citation)).toBe('mention');
    for (const s of ['17/2008/NQ-HĐND', '19/2010/NQ-HĐND', '07/2009/NQ-HĐND']) expect(cited(d, s, 'dieu-3').map(typeOf)).toEqual(['mention']);
  });

  it('135 (Thông tư 15/2024): "Bãi bỏ toàn bộ 14 văn bản ... sau đây:" repeals each listed item, not the decrees their titles name', () => {
    const d = source('135');
    const items = d.citations.filter((c) => /^dieu-1\.\d+$/.test(c.provision) && c.relation?.type === 'repeals');
    expect(items.map((c) => c.provision)).toEqual(Array.from({ length: 14 }, (_, i) => `dieu-1.${i + 1}`));
    // "Thông tư số 08/2013/TT-BLĐTBXH ... hướng dẫn Nghị định số 46/2013/NĐ-CP ...": the decree is described, not repealed.
    expect(cited(d, '46/2013/NĐ-CP').map(typeOf)).toEqual(['mention']);
  });
});

describe('amendments, with the provisions named', () => {
  it('133: "Sửa đổi, bổ sung Điều 1 của Thông tư số 09/2022/TT-BLĐTBXH" -> dieu-1; the documents the quoted new Điều 1 cites are mentions', () => {
    const d = source('133');
    const [c] = cited(d, '09/2022/TT-BLĐTBXH', 'dieu-1');
    expect(c?.relation).toEqual({ type: 'amends', provisions: [{ text: 'Điều 1', id: 'dieu-1' }], partial: true, evidence: 'Sửa đổi, bổ sung Điều 1' });
    // Quoted: "“Điều 1. Phạm vi áp dụng ... ban hành kèm theo Quyết định số 90/QĐ-TTg ..."
    const quoted = [...cited(d, '90/QĐ-TTg', 'dieu-1'), ...cited(d, '27/2022/NĐ-CP', 'dieu-1')];
    expect(quoted.length).toBeGreaterThanOrEqual(3);
    expect(new Set(quoted.map(typeOf))).toEqual(new Set(['mention']));
    // The enacting formula says it too: "Bộ trưởng ... ban hành Thông tư sửa đổi, bổ sung Điều 1 của Thông tư số 09/2022/TT-BLĐTBXH".
    expect(typeOf(cited(d, '09/2022/TT-BLĐTBXH', 'can-cu')[0] as Citation)).toBe('amends');
  });

  it('126 (Nghị định 51/2025): "Sửa đổi, bổ sung điểm c khoản 5 Điều 8 Nghị định số 10/2022/NĐ-CP" -> dieu-8.5.c', () => {
    const [c] = cited(source('126'), '10/2022/NĐ-CP', 'dieu-1');
    expect(c?.relation?.type).toBe('amends');
    expect(c?.relation?.provisions).toEqual([{ text: 'điểm c khoản 5 Điều 8', id: 'dieu-8.5.c' }]);
  });

  it('059 (Gia Lai): "Sửa đổi Điểm b, Khoản 1 và Điểm a, Khoản 4, Điều 1 Nghị quyết số 46/2016/NQ-HĐND" names two points', () => {
    const [c] = cited(source('059'), '46/2016/NQ-HĐND', 'dieu-1');
    expect(c?.relation?.provisions).toEqual([
      { text: 'điểm b khoản 1 Điều 1', id: 'dieu-1.1.b' },
      { text: 'điểm a khoản 4 Điều 1', id: 'dieu-1.4.a' },
    ]);
  });

  it('083 (Hà Nội): "Sửa đổi, bổ sung một số nội dung quy định tại Nghị quyết số 22/2022/NQ-HĐND" amends part, unnamed; "Bãi bỏ mục D, Phụ lục 1 ban hành kèm theo ..." repeals a part', () => {
    const d = source('083');
    expect(cited(d, '22/2022/NQ-HĐND', 'dieu-1')[0]?.relation).toMatchObject({ type: 'amends', partial: true, provisions: [] });
    expect(cited(d, '22/2022/NQ-HĐND', 'dieu-1.1.c')[0]?.relation).toMatchObject({ type: 'repeals', partial: true, provisions: [{ text: 'mục D, Phụ lục 1', id: null }] });
  });

  it('117 (Hà Nội): "Thay thế, sửa đổi, bổ sung, bãi bỏ một số điều, khoản, điểm, cụm từ của Nghị quyết số 35/2024/NQ-HĐND" is an amendment of parts', () => {
    expect(cited(source('117'), '35/2024/NQ-HĐND', 'dieu-1')[0]?.relation).toMatchObject({ type: 'amends', partial: true });
  });
});

describe('replacements', () => {
  it('082 (Hà Nội): "Quyết định này có hiệu lực kể từ ngày ..., thay thế Quyết định số 03/2018/QĐ-UBND" replaces it wholly', () => {
    const [c] = cited(source('082'), '03/2018/QĐ-UBND', 'dieu-2');
    expect(c?.relation).toEqual({ type: 'replaces', provisions: [], partial: false, evidence: 'thay thế' });
  });

  it('043 (Trà Vinh): "thay thế Điểm b3 Khoản 1 Điều 1 Nghị quyết số 70/2006/NQ-HĐND" replaces one point', () => {
    const [c] = cited(source('043'), '70/2006/NQ-HĐND', 'dieu-2');
    expect(c?.relation).toMatchObject({ type: 'replaces', partial: true, provisions: [{ text: 'điểm b3 khoản 1 Điều 1', id: 'dieu-1.1.b3' }] });
  });

  it('029 (Bắc Giang): "thay thế Nghị quyết số 07/2012 ... và Nghị quyết số 08/2014 ... sửa đổi, bổ sung Nghị quyết số 07/2012" replaces both, the last is the title of the second', () => {
    const d = source('029');
    expect(cited(d, '07/2012/NQ-HĐND', 'dieu-2').map(typeOf)).toEqual(['replaces', 'mention']);
    expect(cited(d, '08/2014/NQ-HĐND', 'dieu-2').map(typeOf)).toEqual(['replaces']);
  });
});

describe('only mentions', () => {
  it('018: "Căn cứ Nghị quyết số 65/2016/NQ-HĐND ... về việc sửa đổi và bãi bỏ một số điều của Nghị quyết số 23/2015/NQ-HĐND" is a basis of 65/2016, no repeal of 23/2015', () => {
    const d = source('018');
    expect(cited(d, '65/2016/NQ-HĐND', 'can-cu')[0]?.relation).toEqual({ type: 'basis', provisions: [], partial: false, evidence: 'Căn cứ' });
    expect(cited(d, '23/2015/NQ-HĐND', 'can-cu').map(typeOf)).toEqual(['mention', 'mention']);
  });

  it('056: "Xét Tờ trình ... về việc đề nghị ban hành Nghị quyết thay thế Nghị quyết số 112/2014/NQ-HĐND" is no replacement', () => {
    const d = source('056');
    expect(cited(d, '112/2014/NQ-HĐND').map(typeOf)).toEqual(['mention']);
    expect(cited(d, '2155/TTr-UBND').map(typeOf)).toEqual(['mention']);
  });

  it('116: a citation inside the quoted words an amendment replaces ("Thay thế cụm từ "khoản 4 Điều 60 Nghị định số 102/2024/NĐ -CP" ...") is a mention', () => {
    const d = source('116');
    const quoted = d.citations.filter((c) => c.provision === 'dieu-2.6.a');
    expect(quoted.length).toBe(2);
    expect(quoted.map(typeOf)).toEqual(['mention', 'mention']);
  });
});

describe('effect dates', () => {
  it('126: "Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành" -> from signing, the date of issue 01/3/2025 (a quoted "Kể từ ngày Nghị định này có hiệu lực" is not read)', () => {
    const d = source('126');
    expect(d.meta.date.value).toBe('2025-03-01');
    expect(d.effect).toMatchObject({ fromSigning: true, provision: 'dieu-2.1', date: { value: '2025-03-01', origin: 'header' } });
    expect(d.effect?.words).toBe('Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành');
  });

  it('043: "... thông qua ngày 13/7/2017 và có hiệu lực từ ngày 24/7/2017" -> 2017-07-24, not the adoption date', () => {
    const d = source('043');
    expect(d.effect).toMatchObject({ fromSigning: false, date: { value: '2017-07-24', origin: 'closing' } });
    expect(d.meta.date.value).toBe('2017-07-13');
  });

  it('133: "Thông tư này có hiệu lực thi hành từ ngày 01 tháng 6 năm 2023" (in Điều 2, khoản 1)', () => {
    expect(source('133').effect).toMatchObject({ fromSigning: false, provision: 'dieu-2.1', date: { value: '2023-06-01' } });
  });

  it('085: a date left blank ("từ ngày tháng năm 2024") is unknown, with the words kept', () => {
    const e = source('085').effect;
    expect(e?.date.value).toBeNull();
    expect(e?.words).toMatch(/^Quyết định này có hiệu lực thi hành từ ngày\s+tháng\s+năm 2024$/u);
  });
});

describe('status, derived across documents', () => {
  it('a real pair: 116 "Sửa đổi, bổ sung Điều 5 Quyết định số 71/2024/QĐ-UBND" makes 121 (71/2024/QĐ-UBND) amended, with a link to 116 Điều 3', () => {
    const amender = source('116');
    const amended = source('121');
    expect(amended.meta.numberSymbol.value).toBe('71/2024/QĐ-UBND');
    const { documents } = linkArchive([amended, amender]);
    const after = documents.find((d) => d.id === amended.id);
    expect(after?.status?.state).toBe('amended');
    expect(after?.status?.changes).toEqual([
      { type: 'amends', by: amender.id, byUrl: amender.url, byProvision: 'dieu-3', href: `${amender.url}#dieu-3`, date: amender.effect?.date.value ?? amender.meta.date.value, provisions: [{ text: 'Điều 5', id: 'dieu-5' }], partial: true },
    ]);
    // Nothing in the archive speaks of 116: its status is unknown, never "in force".
    expect(documents.find((d) => d.id === amender.id)?.status).toEqual({ state: 'unknown', changes: [] });
    // Alone, 121 has no change.
    expect(linkArchive([amended]).documents[0]?.status?.state).toBe('unknown');
  });

  it('060 repeals 43/2012/NQ-HĐND of HĐND tỉnh Gia Lai: repealed when that document is in the archive, listed on its cited page when not', () => {
    const repealer = source('060');
    const issuer = repealer.meta.issuer;
    // A real Gia Lai resolution's text (063) given the identity of the repealed one.
    const base = source('063');
    const target: DocumentModel = {
      ...base,
      id: 'hdnd-tinh-gia-lai-2012-43-2012-nq-hdnd',
      url: '/van-ban/hdnd-tinh-gia-lai/2012/43-2012-nq-hdnd/',
      meta: { ...base.meta, issuer, numberSymbol: { value: '43/2012/NQ-HĐND', origin: 'catalog' }, date: { value: '2012-07-12', origin: 'catalog' }, year: { value: 2012, origin: 'catalog' } },
    };
    const { documents, graph } = linkArchive([repealer, target]);
    const repealed = documents.find((d) => d.id === target.id);
    expect(repealed?.status?.state).toBe('repealed');
    expect(repealed?.status?.changes.map((c) => [c.type, c.by, c.byProvision, c.href, c.partial])).toEqual([['repeals', repealer.id, 'dieu-1', `${repealer.url}#dieu-1`, false]]);
    // Without it, the cited document's page knows the repeal.
    const alone = linkArchive([repealer]).graph.cited.find((c) => c.numberSymbol === '43/2012/NQ-HĐND');
    expect(alone?.targetId).toBeNull();
    expect(alone?.changedBy?.map((c) => [c.type, c.by, c.byProvision])).toEqual([['repeals', repealer.id, 'dieu-1']]);
    expect(graph.cited.find((c) => c.numberSymbol === '43/2012/NQ-HĐND')?.targetId).toBe(target.id);
  });
});
