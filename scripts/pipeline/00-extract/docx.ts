/**
 * Step 00 for .docx: the WordprocessingML read directly (fflate + htmlparser2,
 * no converter in between) -> reader text (types.ts). ADR 1503 says why not
 * mammoth, and what is rendered: paragraphs, bold, list numbers, tables as
 * pipe tables, the official header and the signature block column by column.
 *
 * Nothing in the file is run: a macro-enabled document is refused before its
 * body is read. Sizes are checked before anything is inflated (docx-zip.ts).
 */
import { BodyReader, type Block, type Cell, type Paragraph, type Table, type TextLine } from './docx-body.ts';
import { Numbering, readStyles } from './docx-styles.ts';
import { attr, children, find, parseXml, type XmlNode } from './docx-xml.ts';
import { checkDeclaredSizes, isZip, readPart, zipEntries, type ZipEntry } from './docx-zip.ts';
import { ExtractError, type Extracted } from './types.ts';
import { isZone } from '../../lib/format-rules/header-zones.ts';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export function readDocx(bytes: Uint8Array, file: string): Extracted {
  const started = performance.now();
  const entries = openContainer(bytes, file);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const part = (name: string): string | null => {
    const en = byName.get(name);
    return en ? new TextDecoder('utf-8').decode(readPart(bytes, en, file)) : null;
  };

  // Macros are refused on the container's own word, before the body is read.
  const contentTypes = part('[Content_Types].xml') ?? '';
  if (entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name)) || /macroEnabled/i.test(contentTypes)) {
    throw new ExtractError(file, 'macro', 'a macro-enabled Word document (vbaProject.bin / macroEnabled content type); it is not opened. Save it as a plain .docx without macros');
  }

  const mainName = mainDocumentName(part('_rels/.rels'));
  const documentXml = mainName ? part(mainName) : null;
  if (documentXml === null) throw new ExtractError(file, 'not-what-it-says', `a zip without a Word body (word/document.xml)${whatElse(entries)}; it is not a .docx`);

  const dir = mainName!.replace(/[^/]*$/, '');
  const rels = relationsOf(part(`${dir}_rels/${mainName!.slice(dir.length)}.rels`), dir);
  const xmlOf = (type: string): XmlNode | undefined => {
    const target = rels.get(type);
    const text = target ? part(target) : null;
    return text === null ? undefined : parseXml(text);
  };
  const reader = new BodyReader(readStyles(xmlOf('styles')), new Numbering(xmlOf('numbering')));
  const body = find(parseXml(documentXml), 'w:body');
  if (!body) throw new ExtractError(file, 'corrupt', `${mainName} has no w:body; the file is damaged`);
  const blocks = reader.blocks(body);
  const lines = render(blocks);
  if (reader.footnoteOrder.size > 0) lines.push('', ...footnoteLines(xmlOf('footnotes'), reader));
  const text = finish(lines);
  if (text.trim() === '') throw new ExtractError(file, 'no-text-layer', 'the Word document has no text (only images?); scan it to PDF for OCR or type the text');

  const pages = pagesOf(part('docProps/app.xml'));
  return {
    format: 'docx',
    method: 'docx',
    text,
    pages,
    ocr: null,
    notes: [],
    timings: [{ stage: 'docx', pages: pages ?? 1, ms: performance.now() - started }],
  };
}

/** The zip's entries, after the checks that need no inflating: what the bytes are, and the declared sizes. */
function openContainer(bytes: Uint8Array, file: string): ZipEntry[] {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    if (hasOleName(bytes, 'EncryptionInfo') || hasOleName(bytes, 'EncryptedPackage')) {
      throw new ExtractError(file, 'encrypted', 'a password-protected (encrypted) Word document; save it again without a password');
    }
    if (hasOleName(bytes, 'WordDocument')) {
      throw new ExtractError(file, 'not-what-it-says', 'a legacy Word 97–2003 document named .docx; rename it to .doc (or save it as .docx from Word)');
    }
    throw new ExtractError(file, 'not-what-it-says', 'an OLE compound file (old Office format), not a .docx');
  }
  if (!isZip(bytes)) throw new ExtractError(file, 'not-what-it-says', `not a .docx (not a zip container)${sniff(bytes)}`);
  const entries = zipEntries(bytes);
  if (!entries) throw new ExtractError(file, 'corrupt', 'the zip container has no readable directory (truncated or damaged .docx)');
  checkDeclaredSizes(entries, file);
  return entries;
}

/** A stream or storage name in an OLE directory: UTF-16LE, so searched as such. */
function hasOleName(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function sniff(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart();
  if (head.startsWith('%PDF')) return ': it is a PDF; name it .pdf';
  if (head.startsWith('{\\rtf')) return ': it is an RTF file; save it as .docx';
  if (/^<(!doctype html|html|\?xml)/i.test(head)) return ': it is an HTML/XML file; save it as .docx';
  return '';
}

function whatElse(entries: ZipEntry[]): string {
  if (entries.some((e) => e.name.startsWith('xl/'))) return ': it is an Excel workbook';
  if (entries.some((e) => e.name.startsWith('ppt/'))) return ': it is a PowerPoint file';
  if (entries.some((e) => e.name === 'content.xml')) return ': it is an OpenDocument file; save it as .docx';
  return '';
}

function mainDocumentName(relsXml: string | null): string | null {
  if (relsXml === null) return 'word/document.xml';
  for (const r of children(find(parseXml(relsXml), 'Relationships'), 'Relationship')) {
    if ((attr(r, 'Type') ?? '').endsWith('/officeDocument')) return (attr(r, 'Target') ?? '').replace(/^\//, '');
  }
  return 'word/document.xml';
}

/** The main part's relationships: type (last path word) -> part name. */
function relationsOf(relsXml: string | null, dir: string): Map<string, string> {
  const map = new Map<string, string>([
    ['styles', `${dir}styles.xml`],
    ['numbering', `${dir}numbering.xml`],
    ['footnotes', `${dir}footnotes.xml`],
  ]);
  if (relsXml === null) return map;
  for (const r of children(find(parseXml(relsXml), 'Relationships'), 'Relationship')) {
    const type = attr(r, 'Type') ?? '';
    const target = attr(r, 'Target') ?? '';
    if (!type.startsWith(REL) || attr(r, 'TargetMode') === 'External') continue;
    map.set(type.slice(REL.length), target.startsWith('/') ? target.slice(1) : dir + target);
  }
  return map;
}

function pagesOf(appXml: string | null): number | null {
  // app.xml is a flat property list; its <Pages> is Word's count at the last save.
  const n = Number(/<Pages>\s*(\d+)\s*<\/Pages>/.exec(appXml ?? '')?.[1]);
  return Number.isInteger(n) && n > 0 ? n : null;
}

function footnoteLines(root: XmlNode | undefined, reader: BodyReader): string[] {
  const notes = new Map<string, XmlNode>();
  for (const fn of children(find(root, 'w:footnotes'), 'w:footnote')) notes.set(attr(fn, 'w:id') ?? '', fn);
  const out: string[] = [];
  for (const [id, n] of reader.footnoteOrder) {
    const node = notes.get(id);
    if (!node) continue;
    const text = plainLines(reader.blocks(node)).join(' ').replace(/^<sup>\d+<\/sup>\s*/, '').trim();
    out.push(`<sup>${n}</sup> ${text}`);
  }
  return out;
}

// ---- blocks -> reader text ----

/** A paragraph's lines as reader text: the list label first, a wholly bold line as **…**. */
function paragraphLines(p: Paragraph): string[] {
  return p.lines.map((l, i) => lineText(i === 0 && p.label ? { text: `${p.label} ${l.text}`.trim(), bold: l.bold } : l));
}

function lineText(l: TextLine): string {
  return l.bold && l.text !== '' ? `**${l.text}**` : l.text;
}

/** The text of blocks, no markup (a table cell's content, a layout column). */
function plainLines(blocks: Block[]): string[] {
  return blocks.flatMap((b) =>
    b.kind === 'p'
      ? b.lines.map((l, i) => (i === 0 && b.label ? `${b.label} ${l.text}` : l.text).trim())
      : b.rows.flatMap((r) => r.flatMap((c) => plainLines(c.blocks))),
  );
}

function render(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'p') {
      const lines = paragraphLines(b);
      // An empty paragraph is the gap Word shows between paragraphs.
      if (lines.every((l) => l === '')) out.push('');
      else out.push(...lines.filter((l) => l !== ''));
      continue;
    }
    const layout = layoutKind(b);
    out.push('');
    out.push(...(layout ? columnLines(b) : pipeTable(b)));
    out.push('');
  }
  return out;
}

/**
 * A table that is page layout, not data: the official header (its cells hold
 * the national name or the party's name) or the closing block (a cell opens
 * with "Nơi nhận", or holds the signer's capacity "TM.", "KT." …). Data
 * tables never hold these (format rules, header-zones.ts). Such a table has
 * few rows and at most three filled cells a row.
 */
export function layoutKind(t: Table): 'header' | 'signature' | null {
  const filled = (c: Cell): boolean => plainLines(c.blocks).some((l) => l !== '');
  if (t.rows.length > 5 || t.rows.some((r) => r.filter(filled).length > 3)) return null;
  const cells = t.rows.flat().map((c) => plainLines(c.blocks).filter((l) => l !== ''));
  const lines = cells.flat();
  if (lines.some((l) => isZone('national-name', l) || isZone('party-name', l))) return 'header';
  if (cells.some((c) => c[0] !== undefined && isZone('recipients', c[0])) || lines.some((l) => isZone('signature-capacity', l))) return 'signature';
  return null;
}

/**
 * A layout table read as the reader reads a header (ADR 1001): the left
 * column's lines top to bottom, then the right column's. A cell belongs to
 * the side its middle lies on (by the grid's widths), so cells that span
 * unevenly still land in their column. A row with one filled cell across the
 * middle (a type word set inside the table) breaks the columns: the columns
 * above it are read out, then its lines, then the columns below.
 */
function columnLines(t: Table): string[] {
  const edges = [0];
  for (const w of t.grid) edges.push((edges[edges.length - 1] ?? 0) + w);
  const total = edges[edges.length - 1] ?? 0;
  const side = (c: Cell): 'left' | 'right' | 'across' => {
    if (total <= 0) return c.start === 0 ? 'left' : 'right';
    const from = edges[Math.min(c.start, edges.length - 1)] ?? 0;
    const to = edges[Math.min(c.start + c.span, edges.length - 1)] ?? total;
    if (from < total * 0.25 && to > total * 0.75) return 'across';
    return (from + to) / 2 < total / 2 ? 'left' : 'right';
  };
  const out: string[] = [];
  let left: string[] = [];
  let right: string[] = [];
  const flush = (): void => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const row of t.rows) {
    const filled = row.filter((c) => cellLines(c).length > 0);
    if (filled.length === 1 && side(filled[0] as Cell) === 'across') {
      flush();
      out.push(...cellLines(filled[0]));
      continue;
    }
    for (const c of filled) (side(c) === 'right' ? right : left).push(...cellLines(c));
  }
  flush();
  return out;
}

function cellLines(cell: Cell | undefined): string[] {
  if (!cell || cell.continued) return [];
  return cell.blocks.flatMap((b) => (b.kind === 'p' ? paragraphLines(b) : columnLines(b))).filter((l) => l !== '');
}

/** A data table as a markdown pipe table (ADR 1003): first row as header, a merged cell's text once, `|` escaped. */
function pipeTable(t: Table): string[] {
  const rows = t.rows.map((r) =>
    r.flatMap((c) => {
      const text = c.continued ? '' : plainLines(c.blocks).filter((l) => l !== '').join(' ').replace(/\|/g, '\\|');
      return [text, ...Array<string>(c.span - 1).fill('')];
    }),
  );
  const width = Math.max(1, ...rows.map((r) => r.length));
  const line = (cells: string[]): string => `| ${[...cells, ...Array<string>(width - cells.length).fill('')].join(' | ')} |`;
  if (rows.length === 0) return [];
  return [line(rows[0] ?? []), line(Array<string>(width).fill('---')), ...rows.slice(1).map(line)];
}

/** Blank lines: none at the ends, never two in a row. */
function finish(lines: string[]): string {
  const out: string[] = [];
  for (const l of lines) {
    const t = l.replace(/\s+$/, '');
    if (t === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(t);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
