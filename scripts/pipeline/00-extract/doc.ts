/**
 * Step 00 for legacy Word 97–2003 .doc files, read by antiword (Debian
 * package antiword), optional like OCR. ADR 1503 says why antiword and why its
 * DocBook output: it keeps table rows and cells apart, and bold. Its plain
 * text output is read too, only for the list numbers Word computes (DocBook
 * drops them): "1.", "a)" before a list item are what the page shows.
 *
 * The file is never opened by anything else: its bytes go to antiword on
 * stdin (execFile, an argument array, no shell), with a timeout and an output
 * limit, in a fixed environment (no ~/.antiword mapping files: same bytes,
 * same text).
 */
import { execFile } from 'node:child_process';
import type { Block, Cell, Paragraph, Segment, Table } from './docx-body.ts';
import { linesOf } from './docx-body.ts';
import { finish, render } from './docx-render.ts';
import { hasOleName, isEncryptedOle, sniff } from './docx-sniff.ts';
import { parseXml, type XmlNode } from './docx-xml.ts';
import { ExtractError, type Extracted, type ExtractTools } from './types.ts';

const TIMEOUT_MS = 60_000;
const MAX_OUTPUT = 64 * 1024 * 1024;
export const ANTIWORD_MISSING = 'legacy .doc needs antiword (Debian package antiword); install it or save the file as .docx';

/**
 * `tools` is the run's ExtractTools, or just antiword's path (null: not
 * installed), as the dispatcher has it.
 */
export async function readDoc(bytes: Uint8Array, file: string, tools: ExtractTools | string | null): Promise<Extracted> {
  const started = performance.now();
  checkIsWord97(bytes, file);
  const antiword = typeof tools === 'string' || tools === null ? tools : tools.antiword;
  if (!antiword) throw new ExtractError(file, 'tool-missing', ANTIWORD_MISSING);
  const [docbook, plain] = await Promise.all([run(antiword, ['-x', 'db', '-'], bytes, file), run(antiword, ['-m', 'UTF-8.txt', '-w', '0', '-'], bytes, file)]);
  const blocks = docbookBlocks(parseXml(docbook, { textNodes: true }), listLabels(plain));
  const text = finish(render(blocks));
  if (text.trim() === '') throw new ExtractError(file, 'no-text-layer', 'antiword found no text in the .doc (only images?); scan it to PDF for OCR or save it as .docx');
  return {
    format: 'doc',
    method: 'doc',
    text,
    // A .doc's page count is in its SummaryInformation stream, which antiword does not give; unknown.
    pages: null,
    ocr: null,
    notes: [],
    timings: [{ stage: 'doc', pages: 1, ms: performance.now() - started }],
  };
}

/** What the bytes are, before any tool sees them. */
function checkIsWord97(bytes: Uint8Array, file: string): void {
  const kind = sniff(bytes);
  if (kind === 'ole') {
    if (isEncryptedOle(bytes)) throw new ExtractError(file, 'encrypted', 'a password-protected (encrypted) Word document; save it again without a password');
    if (!hasOleName(bytes, 'WordDocument')) throw new ExtractError(file, 'not-what-it-says', 'an OLE compound file without a Word body (an Excel or PowerPoint file?), not a .doc');
    return;
  }
  const what: Record<Exclude<typeof kind, 'ole'>, string> = {
    zip: 'a zip container (a .docx?) named .doc; rename it to .docx',
    rtf: 'an RTF file named .doc; open it in Word and save it as .docx',
    html: 'a web page (HTML/XML) named .doc; open it in Word and save it as .docx',
    pdf: 'a PDF named .doc; rename it to .pdf',
    unknown: 'not a Word 97–2003 document (no OLE compound file header)',
  };
  throw new ExtractError(file, 'not-what-it-says', what[kind]);
}

function run(antiword: string, args: string[], bytes: Uint8Array, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      antiword,
      args,
      // HOME without a ~/.antiword: only the mapping files shipped with antiword are used.
      { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT, env: { HOME: '/nonexistent', LANG: 'C.UTF-8' }, windowsHide: true },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const said = String(stderr).trim();
        if (/Encrypted documents/i.test(said)) return reject(new ExtractError(file, 'encrypted', 'a password-protected (encrypted) .doc; save it again without a password'));
        if (/is not a Word Document/i.test(said)) return reject(new ExtractError(file, 'not-what-it-says', `antiword: ${said.replace(/^-\s*/, '')}`));
        if (/fast saved/i.test(said)) return reject(new ExtractError(file, 'unsupported', 'a "fast saved" .doc antiword cannot read; open it in Word and save it again'));
        // Over the output limit the child is killed too: test that first.
        if ((err as { code?: unknown }).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return reject(new ExtractError(file, 'too-large', `antiword's output is over ${MAX_OUTPUT} bytes`));
        if ((err as { killed?: boolean }).killed) return reject(new ExtractError(file, 'corrupt', `antiword did not finish in ${TIMEOUT_MS / 1000} s`));
        reject(new ExtractError(file, 'corrupt', `antiword could not read the .doc: ${said || err.message}`));
      },
    );
    child.stdin?.on('error', () => {}); // antiword may stop reading early; its exit status tells why
    child.stdin?.end(bytes);
  });
}

// ---- antiword's list numbers ----

interface LabelFinder {
  /** The label printed before a list item whose text starts with `text`, looked up in order. */
  find(text: string): string | null;
}

/** Lines of antiword's text output, searched forward only (document order). */
function listLabels(plain: string): LabelFinder {
  const lines = plain.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
  let cursor = 0;
  return {
    find(text: string): string | null {
      const probe = text.replace(/\s+/g, ' ').trim().slice(0, 40);
      if (probe === '') return null;
      for (let i = cursor; i < Math.min(lines.length, cursor + 400); i++) {
        const m = /^(\S{1,8}) (.*)$/.exec(lines[i] ?? '');
        if (m && (m[2] ?? '').startsWith(probe)) {
          cursor = i + 1;
          // A symbol-font bullet (private use area) shows as a bullet; written as the reader's "-".
          return /^[\uf000-\uf0ff•▪·o]$/u.test(m[1] ?? '') ? '-' : (m[1] ?? null);
        }
      }
      return null;
    },
  };
}

// ---- DocBook -> blocks ----

const SKIP = new Set(['bookinfo', 'beginpage', 'colspec', '#comment']);

function docbookBlocks(root: XmlNode, labels: LabelFinder): Block[] {
  const book = root.children.find((c) => c.name === 'book');
  const out: Block[] = [];
  // The book's own <title> is the file's metadata title (antiword mis-decodes it), not text of the page.
  for (const c of book?.children ?? []) if (c.name !== 'title') container(c, out, labels, null);
  return out;
}

/** Chapters, sections, lists: their paragraphs in order; `label` goes to the first paragraph of a list item. */
function container(node: XmlNode, out: Block[], labels: LabelFinder, label: { pending: boolean } | null): void {
  if (SKIP.has(node.name)) return;
  switch (node.name) {
    case 'para':
    case 'title':
      paragraphs(node, out, labels, label);
      return;
    case 'informaltable':
    case 'table':
      out.push(table(node, labels));
      return;
    case 'listitem': {
      const item = { pending: true };
      for (const c of node.children) container(c, out, labels, item);
      return;
    }
    default:
      for (const c of node.children) container(c, out, labels, label);
  }
}

/** A para's inline content -> paragraphs; a table inside it ends the text before it. */
function paragraphs(node: XmlNode, out: Block[], labels: LabelFinder, label: { pending: boolean } | null): void {
  let segs: Segment[] = [];
  const flush = (force: boolean): void => {
    const lines = linesOf(segs);
    segs = [];
    if (!force && lines.every((l) => l.text === '')) return;
    let p: Paragraph = { kind: 'p', lines, align: undefined, label: null };
    if (label?.pending && lines.some((l) => l.text !== '')) {
      label.pending = false;
      p = { ...p, lines: lines.filter((l) => l.text !== ''), label: labels.find(lines.find((l) => l.text !== '')?.text ?? '') };
    }
    out.push(p);
  };
  const inline = (n: XmlNode, bold: boolean): void => {
    for (const c of n.children) {
      if (c.name === '#text') segs.push({ text: c.text, bold });
      else if (c.name === 'informaltable' || c.name === 'table') {
        flush(false);
        out.push(table(c, labels));
      } else if (c.name === 'emphasis') inline(c, bold || c.attrs['role'] === 'bold');
      else if (!SKIP.has(c.name)) inline(c, bold);
    }
  };
  inline(node, false);
  // An empty <para> is the gap Word shows between paragraphs; a para that held only a table adds none.
  const onlyTable = node.children.some((c) => c.name === 'informaltable' || c.name === 'table');
  flush(!onlyTable);
}

function table(node: XmlNode, labels: LabelFinder): Table {
  const grid: number[] = [];
  const rows: Cell[][] = [];
  const walk = (n: XmlNode): void => {
    for (const c of n.children) {
      if (c.name === 'colspec') grid.push(Number.parseFloat(c.attrs['colwidth'] ?? '0') || 0);
      else if (c.name === 'row') {
        let start = 0;
        rows.push(
          c.children
            .filter((e) => e.name === 'entry')
            .map((e): Cell => {
              const blocks: Block[] = [];
              paragraphs(e, blocks, labels, null);
              // Each line of an entry is a paragraph of the cell: a header column keeps its lines.
              const cell: Cell = { blocks: blocks.flatMap(splitLines), start, span: 1, continued: false };
              start += 1;
              return cell;
            }),
        );
      } else walk(c);
    }
  };
  walk(node);
  return { kind: 'table', rows, grid };
}

function splitLines(b: Block): Block[] {
  if (b.kind !== 'p') return [b];
  return b.lines.filter((l) => l.text !== '').map((l): Paragraph => ({ kind: 'p', lines: [l], align: b.align, label: null }));
}
