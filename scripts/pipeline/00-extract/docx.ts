/**
 * Step 00 for .docx: the WordprocessingML read directly (node's zlib +
 * htmlparser2, no converter in between) -> reader text (types.ts). ADR 1503 says why not
 * mammoth, and what is rendered: paragraphs, bold, list numbers, tables as
 * pipe tables, the official header and the signature block column by column.
 *
 * Nothing in the file is run: a macro-enabled document is refused before its
 * body is read. Sizes are checked before anything is inflated (docx-zip.ts).
 */
import { BodyReader } from './docx-body.ts';
import { finish, plainLines, render } from './docx-render.ts';
import { Numbering, readStyles } from './docx-styles.ts';
import { attr, children, find, parseXml, type XmlNode } from './docx-xml.ts';
import { hasOleName, isEncryptedOle, sniff } from './docx-sniff.ts';
import { checkDeclaredSizes, readPart, zipEntries, type ZipEntry } from './docx-zip.ts';
import { ExtractError, type Extracted } from './types.ts';

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
  const documentXml = part(mainName);
  if (documentXml === null) throw new ExtractError(file, 'not-what-it-says', `a zip without a Word body (word/document.xml)${whatElse(entries)}; it is not a .docx`);

  const dir = mainName.replace(/[^/]*$/, '');
  const rels = relationsOf(part(`${dir}_rels/${mainName.slice(dir.length)}.rels`), dir);
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
  const kind = sniff(bytes);
  if (kind === 'ole') {
    if (isEncryptedOle(bytes)) throw new ExtractError(file, 'encrypted', 'a password-protected (encrypted) Word document; save it again without a password');
    if (hasOleName(bytes, 'WordDocument')) throw new ExtractError(file, 'not-what-it-says', 'a legacy Word 97–2003 document named .docx; rename it to .doc (or save it as .docx from Word)');
    throw new ExtractError(file, 'not-what-it-says', 'an OLE compound file (old Office format), not a .docx');
  }
  if (kind !== 'zip') throw new ExtractError(file, 'not-what-it-says', `not a .docx (not a zip container)${IMPOSTOR[kind]}`);
  const entries = zipEntries(bytes);
  if (!entries) throw new ExtractError(file, 'corrupt', 'the zip container has no readable directory (truncated or damaged .docx)');
  checkDeclaredSizes(entries, file);
  return entries;
}

const IMPOSTOR: Record<'pdf' | 'rtf' | 'html' | 'unknown', string> = {
  pdf: ': it is a PDF; name it .pdf',
  rtf: ': it is an RTF file; open it in Word and save it as .docx',
  html: ': it is a web page (HTML/XML); open it in Word and save it as .docx',
  unknown: '',
};

function whatElse(entries: ZipEntry[]): string {
  if (entries.some((e) => e.name.startsWith('xl/'))) return ': it is an Excel workbook';
  if (entries.some((e) => e.name.startsWith('ppt/'))) return ': it is a PowerPoint file';
  if (entries.some((e) => e.name === 'content.xml')) return ': it is an OpenDocument file; save it as .docx';
  return '';
}

function mainDocumentName(relsXml: string | null): string {
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

