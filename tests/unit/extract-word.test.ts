/**
 * Step 00, Word files (docs/decisions/1503-word-files.md): the DOCX reader and
 * the legacy .doc reader (antiword) on the real files of the corpus
 * (content/sources/<name>, else ../shared/corpus-files/<name>), read on by the
 * reader's own steps; and bad files built at runtime.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDoc } from '../../scripts/pipeline/00-extract/doc.ts';
import { readDocx } from '../../scripts/pipeline/00-extract/docx.ts';
import { ExtractError, LIMITS, type ExtractProblem, type ExtractTools } from '../../scripts/pipeline/00-extract/types.ts';
import { decodeSource } from '../../scripts/pipeline/01-decode/index.ts';
import { normalise } from '../../scripts/pipeline/02-normalise/index.ts';
import { segment } from '../../scripts/pipeline/03-segment/index.ts';
import { readHeader, type TextFacts } from '../../scripts/pipeline/05-metadata/header.ts';
import { readDocument } from '../../scripts/pipeline/read-document.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function source(name: string): Uint8Array {
  for (const dir of [join(ROOT, 'content', 'sources'), join(ROOT, '..', 'shared', 'corpus-files')]) {
    const path = join(dir, name);
    if (existsSync(path)) return new Uint8Array(readFileSync(path));
  }
  throw new Error(`${name}: not in content/sources (nor ../shared/corpus-files)`);
}

const F15 = '15_dongthap_sgddt_qd_337_2026.docx';
const F16 = '16_dongthap_thptcl2_kh_58_2026.docx';
const F17 = '17_lamdong_ubnd_cv_3980_draft_2025.docx';
const F18 = '18_lamdong_ubnd_kh_cchc_2026_2030_draft.docx';
const F19 = '19_dongthap_sgddt_kh_362_2026.doc';
const F20 = '20_lamdong_ubnd_qd_tgv_cchc_draft.doc';

function which(cmd: string): string | null {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
const ANTIWORD = which('antiword');
const TOOLS: ExtractTools = { ocr: null, antiword: ANTIWORD };

const docxCache = new Map<string, string>();
const docx = (name: string): string => {
  if (!docxCache.has(name)) docxCache.set(name, readDocx(source(name), name).text);
  return docxCache.get(name)!;
};
const docCache = new Map<string, Promise<string>>();
const doc = (name: string): Promise<string> => {
  if (!docCache.has(name)) docCache.set(name, readDoc(source(name), name, TOOLS).then((r) => r.text));
  return docCache.get(name)!;
};

/** The header facts the reader takes from the text: the steps readDocument runs, before the issuer registry decides publication. */
function facts(text: string): { [K in keyof TextFacts]: TextFacts[K]['value'] } {
  const norm = normalise(decodeSource(new TextEncoder().encode(text), 'x.txt').text);
  const seg = segment(norm.lines, norm.wrapWidth);
  const r = readHeader({ header: seg.header, signature: seg.signature, closing: [...seg.body, ...seg.closing], annexHeadings: seg.annexes.flatMap((a) => a.heading) });
  return Object.fromEntries(Object.entries(r.facts).map(([k, f]) => [k, f.value])) as { [K in keyof TextFacts]: TextFacts[K]['value'] };
}

const lines = (text: string): string[] => text.split('\n');
const plain = (line: string): string => line.replace(/^\*\*(.*)\*\*$/, '$1');
const indexOf = (text: string, re: RegExp): number => lines(text).findIndex((l) => re.test(plain(l)));
const pipeRows = (text: string): string[] => lines(text).filter((l) => l.startsWith('| '));

function problemOf(f: () => unknown): ExtractProblem | 'none' {
  try {
    f();
    return 'none';
  } catch (error) {
    expect(error).toBeInstanceOf(ExtractError);
    return (error as ExtractError).problem;
  }
}
async function problemOfAsync(f: () => Promise<unknown>): Promise<ExtractProblem | 'none'> {
  try {
    await f();
    return 'none';
  } catch (error) {
    expect(error).toBeInstanceOf(ExtractError);
    return (error as ExtractError).problem;
  }
}

describe('15 (DOCX of QĐ 337/QĐ-SGDĐT, 78 pages of annex tables)', () => {
  it('reads the header table column by column, never as a pipe table', () => {
    const t = docx(F15);
    const order = [/^UBND TỈNH ĐỒNG THÁP$/, /^SỞ GIÁO DỤC VÀ ĐÀO TẠO$/, /^Số: 337\/QĐ-SGDĐT$/, /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/, /^Độc lập - Tự do - Hạnh phúc$/, /^Đồng Tháp, ngày 14 tháng 4 năm 2026$/].map((re) => indexOf(t, re));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pipeRows(t).some((r) => r.includes('CỘNG HÒA') || r.includes('Nơi nhận'))).toBe(false);
  });

  it('gives the identity page 1 shows', () => {
    const f = facts(docx(F15));
    expect([f.type, f.numberSymbol, f.date]).toEqual(['QĐ', '337/QĐ-SGDĐT', '2026-04-14']);
    expect(f.title).toMatch(/^Về việc phê duyệt kết quả kỳ xét thăng hạng chức danh nghề nghiệp viên chức từ hạng III lên hạng II đối với giáo viên trung học phổ thông công lập đơn vị trực thuộc Sở Giáo dục và Đào tạo tỉnh Đồng Tháp năm 2025/);
    expect(f.signer).toBe('Lê Quang Trí');
  });

  it('gives each annex list as one pipe table with as many rows as the decision counts', () => {
    const t = docx(F15);
    // Article 1 counts them: 82 + 1.280 qualify (Phụ lục 1), 03 + 24 do not (Phụ lục 2).
    expect(t).toMatch(/Viên chức lãnh đạo, quản lý: 82;\n- Viên chức không giữ chức vụ lãnh đạo, quản lý: 1\.280\./);
    const [p1, p2] = t.split(/^\*\*PHỤ LỤC 2\*\*$/m);
    const numbered = (part: string | undefined): number => pipeRows(part ?? '').filter((r) => /^\| \d+ \|/.test(r)).length;
    expect(numbered(p1)).toBe(82 + 1280);
    expect(numbered(p2)).toBe(3 + 24);
    // A header row, then the separator, then rows of the same width.
    const table = lines(p1 ?? '').filter((l) => l.startsWith('| '));
    expect(table[0]).toMatch(/^\| TT \| .*Họ và tên.* \|$/);
    expect(table[1]).toMatch(/^\| --- (\| --- )+\|$/);
    const width = (r: string) => r.replace(/\\\|/g, '').split(' | ').length;
    expect(new Set(table.map(width)).size).toBe(1);
  });

  it('takes the page count from docProps/app.xml and the same bytes give the same text', () => {
    const a = readDocx(source(F15), F15);
    expect(a.pages).toBe(78);
    expect(a.method).toBe('docx');
    expect(readDocx(source(F15), F15).text).toBe(a.text);
  });
});

describe('16 (DOCX of KH 58/KH-THPTCL2)', () => {
  it('header, title and body', () => {
    const t = docx(F16);
    expect(lines(t).slice(0, 6).map(plain)).toEqual([
      'SỞ GDĐT TỈNH ĐỒNG THÁP',
      'TRƯỜNG THPT CAO LÃNH 2',
      'Số: 58/KH-THPTCL2',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Đồng Tháp, ngày 15 tháng 4 năm 2026',
    ]);
    const f = facts(t);
    expect([f.type, f.numberSymbol, f.date, f.title]).toEqual(['KH', '58/KH-THPTCL2', '2026-04-15', 'Tổ chức sinh hoạt chuyên môn môn Lịch sử Cụm 2 năm học 2025 - 2026']);
    // The top numbering level, as bold lines (Word's run bold), in order.
    const sections = lines(t).filter((l) => /^\*\*[IVX]+\. /.test(l)).map((l) => /^\*\*([IVX]+)\./.exec(l)?.[1]);
    expect(sections).toEqual(['I', 'II', 'III', 'IV']);
    // The signature table: recipients first, then the signer's column.
    expect(indexOf(t, /^Nơi nhận:$/)).toBeLessThan(indexOf(t, /^KT\.HIỆU TRƯỞNG$/));
    expect(indexOf(t, /^KT\.HIỆU TRƯỞNG$/)).toBeLessThan(indexOf(t, /^Trần Thanh Vũ$/));
  });
});

describe('17, 18 (drafts: number and day left blank)', () => {
  it('17 (công văn draft): blank number, the summary in the left column, the issuer resolved', () => {
    const t = docx(F17);
    expect(indexOf(t, /^Số: \/UBND-NC$/)).toBe(2);
    expect(indexOf(t, /^V\/v tham mưu triển khai Công$/)).toBe(3);
    expect(indexOf(t, /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/)).toBeGreaterThan(3);
    const model = readDocument({ file: '17.txt', bytes: new TextEncoder().encode(t), catalog: undefined, corrections: [] });
    expect(model.meta.numberSymbol.value).toBeNull();
    expect(model.meta.year.value).toBe(2025);
    expect(model.meta.issuer.value?.name).toBe('UBND tỉnh Lâm Đồng');
  });

  it('18 (kế hoạch draft, 31 pages): identity, top numbering level, a pipe table', () => {
    const r = readDocx(source(F18), F18);
    expect(r.pages).toBe(31);
    const model = readDocument({ file: '18.txt', bytes: new TextEncoder().encode(r.text), catalog: undefined, corrections: [] });
    expect(model.meta.type.value).toBe('KH');
    expect(model.meta.numberSymbol.value).toBeNull();
    expect(model.meta.year.value).toBe(2026);
    expect(model.meta.issuer.value?.name).toBe('UBND tỉnh Lâm Đồng');
    expect(model.meta.title.value).toBe('Cải cách hành chính nhà nước giai đoạn 2026 - 2030 của tỉnh Lâm Đồng');
    expect(model.provisions.filter((p) => /^[IVX]+\.$/.test(p.label ?? '')).map((p) => p.label)).toEqual(['I.', 'II.', 'III.']);
    expect(pipeRows(r.text).some((row) => /^\| STT \| Nhiệm vụ \| Sản phẩm \|/.test(row))).toBe(true);
  });
});

describe.skipIf(!ANTIWORD)(`legacy .doc via antiword${ANTIWORD ? '' : ' (skipped: antiword is not installed; apt-get install antiword)'}`, () => {
  it('19 (.doc of KH 362/KH-SGDĐT, unsigned): the identity page 1 of the signed PDF 06 shows, with the number and day still blank', async () => {
    const t = await doc(F19);
    const order = [/^UBND TỈNH ĐỒNG THÁP$/, /^SỞ GIÁO DỤC VÀ ĐÀO TẠO$/, /^Số: \/KH-SGDĐT$/, /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/, /^Độc lập - Tự do - Hạnh phúc$/, /^Đồng Tháp, ngày tháng 4 năm 2026$/].map((re) => indexOf(t, re));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    const f = facts(t);
    // The PDF (06) was numbered and dated when signed: 362, 14/4/2026. The Word file before that has blanks.
    expect([f.type, f.numberSymbol, f.date, f.year]).toEqual(['KH', null, null, 2026]);
    expect(f.title).toBe(
      'Đón tiếp và làm việc với Đoàn kiểm tra của Bộ Giáo dục và Đào tạo về việc kiểm tra, khảo sát, đánh giá thực trạng sử dụng phòng học bộ môn, thiết bị dạy học trong thực hiện giáo dục STEM tại các cơ sở giáo dục trên địa bàn tỉnh Đồng Tháp',
    );
    expect([f.signingCapacity, f.signerTitle, f.signer]).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Phương Toàn']);
    // Bold from the .doc: the type word and the top numbering level.
    expect(lines(t)).toContain('**KẾ HOẠCH**');
    expect(lines(t).filter((l) => /^\*\*[IVX]+\. /.test(l)).map((l) => /^\*\*([IVX]+)\./.exec(l)?.[1])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
  });

  it('19: Phụ lục I as a pipe table of the nine schools it counts', async () => {
    const t = await doc(F19);
    expect(t).toContain('Danh sách có 09 trường tham gia làm việc./.');
    const rows = pipeRows(t.split('\n**Phụ lục II**\n')[0] ?? '');
    expect(rows[0]).toBe('| TT | Tên đơn vị | Cấp học |');
    expect(rows[1]).toBe('| --- | --- | --- |');
    expect(rows.slice(2).map((r) => /^\| (\d+) \|/.exec(r)?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('20 (.doc draft QĐ): list numbers Word computes are read; the signature block column by column', async () => {
    const t = await doc(F20);
    const f = facts(t);
    expect([f.type, f.numberSymbol, f.year]).toEqual(['QĐ', null, 2025]);
    expect(f.title).toMatch(/^Về việc thành lập Tổ giúp việc về Cải cách hành chính tỉnh Lâm Đồng/);
    // "1. Tham mưu …" is an automatic list in the .doc: DocBook has no number, the text output has it.
    expect(lines(t)).toContain('1. Tham mưu, đề xuất các chủ trương, chính sách và nhiệm vụ, giải pháp để đẩy mạnh công tác cải cách hành chính của tỉnh.');
    expect(lines(t).filter((l) => /^\d\. Tổ giúp việc|^\d\. Tổ trưởng Tổ giúp việc|^\d\. Kinh phí/.test(l)).map((l) => l[0])).toEqual(['1', '2', '3']);
    expect(indexOf(t, /^- Lưu: VT, SNV\.$/)).toBeLessThan(indexOf(t, /^TRƯỞNG BAN$/));
    expect(indexOf(t, /^TRƯỞNG BAN$/)).toBeLessThan(indexOf(t, /^Hồ Văn Mười$/));
  });

  it('same bytes give the same text', async () => {
    const again = await readDoc(source(F19), F19, TOOLS);
    expect(again.text).toBe(await doc(F19));
  });
});

// ---- small documents built here, for the rules the corpus files do not exercise ----

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOC_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`;

function makeDocx(body: string, parts: Record<string, string> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/_rels/document.xml.rels': strToU8(DOC_RELS),
    ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])),
  });
}
const p = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('DOCX rules on built documents', () => {
  it('numbering: literal formats rendered with their counters, bullets as "-", other formats left as the text is', () => {
    const numbering = `<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ordinalText"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
    </w:numbering>`;
    const num = (id: number, lvl: number) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;
    const body = [
      p(r('Mục tiêu'), num(1, 0)),
      p(r('Chung'), num(1, 1)),
      p(r('điểm một'), num(1, 2)),
      p(r('điểm hai'), num(1, 2)),
      p(r('Riêng'), num(1, 1)),
      p(r('điểm mới'), num(1, 2)),
      p(r('Nhiệm vụ'), num(1, 0)),
      p(r('ý'), num(2, 0)),
      p(r('Thứ nhất theo chữ'), num(3, 0)),
    ].join('');
    const t = readDocx(makeDocx(body, { 'word/numbering.xml': numbering }), 'n.docx').text;
    expect(lines(t)).toEqual(['I. Mục tiêu', 'I.1. Chung', 'a) điểm một', 'b) điểm hai', 'I.2. Riêng', 'a) điểm mới', 'II. Nhiệm vụ', '- ý', 'Thứ nhất theo chữ', '']);
  });

  it('bold from runs, from the paragraph style and its basedOn chain; a run can switch it off', () => {
    const styles = `<w:styles ${W}>
      <w:style w:type="paragraph" w:styleId="Base"><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Title2"><w:basedOn w:val="Base"/></w:style>
    </w:styles>`;
    const body = [p(r('QUYẾT ĐỊNH'), '<w:pStyle w:val="Title2"/>'), p(r('Điều 1. ', '<w:b/>') + r('Ban hành')), p(r('A', '<w:b/>') + r(' B', '<w:b w:val="0"/>'), '<w:pStyle w:val="Base"/>'), p(r('tất cả', '<w:b/>'))].join('');
    expect(lines(readDocx(makeDocx(body, { 'word/styles.xml': styles }), 's.docx').text)).toEqual(['**QUYẾT ĐỊNH**', 'Điều 1. Ban hành', 'A B', '**tất cả**', '']);
  });

  it('fields show their result, never the instruction; soft breaks are new lines; tabs are spaces; deleted text is left out', () => {
    const body = p(
      r('Trang ') +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
        r('3') +
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        '<w:r><w:br/><w:t>dòng hai</w:t><w:tab/><w:t>sau tab</w:t></w:r>' +
        '<w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del>',
    );
    expect(lines(readDocx(makeDocx(body), 'f.docx').text)).toEqual(['Trang 3', 'dòng hai sau tab', '']);
  });

  it('footnotes: the reference as <sup>n</sup> in the text, the note at the end (the reader lifts them out)', () => {
    const rels = DOC_RELS.replace('</Relationships>', '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>');
    const footnotes = `<w:footnotes ${W}><w:footnote w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r>${r(' Đã được sửa đổi.')}</w:p></w:footnote></w:footnotes>`;
    const body = p(r('Luật Tổ chức chính quyền địa phương') + '<w:r><w:footnoteReference w:id="7"/></w:r>' + r(';'));
    const t = readDocx(makeDocx(body, { 'word/_rels/document.xml.rels': rels, 'word/footnotes.xml': footnotes }), 'fn.docx').text;
    expect(lines(t)).toEqual(['Luật Tổ chức chính quyền địa phương<sup>1</sup>;', '', '<sup>1</sup> Đã được sửa đổi.', '']);
    const norm = normalise(t);
    expect(norm.footnotes.map((f) => [f.n, f.text])).toEqual([['1', 'Đã được sửa đổi.']]);
  });

  it('a data table with a merged cell and a "|" in a cell becomes a pipe table', () => {
    const tc = (text: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(r(text))}</w:tc>`;
    const body = `<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>
      <w:tr>${tc('TT')}${tc('Nội dung', '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${tc('1', '<w:vMerge w:val="restart"/>')}${tc('a | b')}${tc('c')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc('d')}${tc('e')}</w:tr></w:tbl>`;
    expect(lines(readDocx(makeDocx(body), 't.docx').text)).toEqual(['| TT | Nội dung |  |', '| --- | --- | --- |', '| 1 | a \\| b | c |', '|  | d | e |', '']);
  });
});

describe('bad DOCX files are held back with their reason', () => {
  it('a zip without word/document.xml, and a text file named .docx: not what they say', () => {
    expect(problemOf(() => readDocx(zipSync({ 'readme.txt': strToU8('hello') }), 'a.docx'))).toBe('not-what-it-says');
    expect(problemOf(() => readDocx(strToU8('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'), 'b.docx'))).toBe('not-what-it-says');
  });

  it('a real DOCX with vbaProject.bin injected, or a macroEnabled content type: macro, refused before reading', () => {
    const parts = unzipSync(source(F16));
    expect(problemOf(() => readDocx(zipSync({ ...parts, 'word/vbaProject.bin': new Uint8Array([1, 2, 3]) }), 'm.docx'))).toBe('macro');
    const ct = new TextDecoder().decode(parts['[Content_Types].xml']).replace('wordprocessingml.document.main+xml', 'ms-word.document.macroEnabled.main+xml');
    expect(problemOf(() => readDocx(zipSync({ ...parts, '[Content_Types].xml': strToU8(ct) }), 'm2.docx'))).toBe('macro');
  });

  it('a zip that declares more than the limit uncompressed is refused before inflating', () => {
    const zip = makeDocx(p(r('x')));
    // Patch the central directory's uncompressed size of the first entry (offset 24 of its header).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const cd = view.getUint32(zip.length - 22 + 16, true);
    view.setUint32(cd + 24, LIMITS.maxUnzippedBytes + 1, true);
    expect(problemOf(() => readDocx(zip, 'bomb.docx'))).toBe('too-large');
  });

  it('a part that inflates past the size it declares (a lying zip bomb) is stopped', () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': new Uint8Array(4_000_000).fill(0x20) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let o = view.getUint32(zip.length - 22 + 16, true);
    for (let i = 0; i < 2; i++) {
      const nameLen = view.getUint16(o + 28, true);
      const name = new TextDecoder().decode(zip.subarray(o + 46, o + 46 + nameLen));
      if (name === 'word/document.xml') view.setUint32(o + 24, 1000, true);
      o += 46 + nameLen + view.getUint16(o + 30, true) + view.getUint16(o + 32, true);
    }
    expect(problemOf(() => readDocx(zip, 'liar.docx'))).toBe('too-large');
  });

  it('an encrypted Office file (OLE with EncryptionInfo) is "encrypted"; a legacy .doc named .docx says to name it .doc', () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Array.from('EncryptionInfo').flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    expect(problemOf(() => readDocx(ole, 'secret.docx'))).toBe('encrypted');
    let error: unknown;
    try {
      readDocx(source(F19), 'renamed.docx');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).problem).toBe('not-what-it-says');
    expect((error as ExtractError).reason).toMatch(/\.doc\b/);
  });
});

describe('bad .doc files', () => {
  it('without antiword: tool-missing, saying what to install', async () => {
    let error: unknown;
    try {
      await readDoc(source(F19), F19, { ocr: null, antiword: null });
    } catch (e) {
      error = e;
    }
    expect((error as ExtractError).problem).toBe('tool-missing');
    expect((error as ExtractError).reason).toMatch(/antiword.*save the file as \.docx/);
  });

  it('RTF, HTML or a DOCX named .doc: not what they say, checked before any tool runs', async () => {
    const none: ExtractTools = { ocr: null, antiword: '/nonexistent/antiword' };
    expect(await problemOfAsync(() => readDoc(strToU8('{\\rtf1\\ansi Hello}'), 'r.doc', none))).toBe('not-what-it-says');
    expect(await problemOfAsync(() => readDoc(strToU8('<html><body>Hello</body></html>'), 'h.doc', none))).toBe('not-what-it-says');
    expect(await problemOfAsync(() => readDoc(source(F16), 'x.doc', none))).toBe('not-what-it-says');
    // An OLE file: encrypted when it holds EncryptionInfo; without a WordDocument stream it is not a Word file.
    const ole = (stream: string) => {
      const b = new Uint8Array(2048);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      b.set(Array.from(stream).flatMap((c) => [c.charCodeAt(0), 0]), 1024);
      return b;
    };
    expect(await problemOfAsync(() => readDoc(ole('EncryptionInfo'), 'e.doc', none))).toBe('encrypted');
    expect(await problemOfAsync(() => readDoc(ole('Workbook'), 'w.doc', none))).toBe('not-what-it-says');
  });
});
