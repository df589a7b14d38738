/**
 * A reading aid for judging queries (not a judge): for each query, count per
 * published document the occurrences of the whole phrase and of each word in
 * the title, the provision headings and the body, all folded as a reader
 * types (no marks, đ -> d, lower case; scripts/lib/fold.ts). Whole words
 * only, no prefixes. Prints the documents holding the phrase or every word,
 * most phrase occurrences first.
 *
 *   node scripts/search-bench/judging/count.ts [--content content] [--top 15] "thu tuc hanh chinh" "van don"
 *   node scripts/search-bench/judging/count.ts --show /van-ban/…/ "van don"   (each occurrence in context)
 *
 * Converts the archive in memory, or reads a converted folder
 * (`--generated .generated`, what `npm run convert` wrote); writes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { foldForSearch } from '../../lib/fold.ts';

export interface DocumentText {
  url: string;
  title: string;
  headings: string;
  body: string;
}

export interface Counts {
  phrase: number;
  words: number[];
}

export interface DocumentCounts {
  url: string;
  title: Counts;
  headings: Counts;
  body: Counts;
}

/** Folded words of a text (letters and digits; "205/NQ-HĐND" stays one word, as the search folds it). */
export function foldedWords(text: string): string[] {
  return text.split(/\s+/u).map(foldForSearch).filter((w) => w !== '');
}

/** Occurrences of the folded phrase and of each folded word in a text's folded words. */
export function countIn(words: readonly string[], query: readonly string[]): Counts {
  const perWord = query.map((q) => words.filter((w) => w === q).length);
  let phrase = 0;
  if (query.length > 0) {
    for (let i = 0; i + query.length <= words.length; i++) {
      if (query.every((q, j) => words[i + j] === q)) phrase++;
    }
  }
  return { phrase, words: perWord };
}

/** Plain text of an emitted MDX page: tags and the front matter dropped, entities of the emitter undone. */
export function mdxText(mdx: string): string {
  return mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#123;|\\\{/g, '{')
    .replace(/&#125;|\\\}/g, '}')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Heading lines of an emitted MDX page (provision headings, h2–h6). */
export function mdxHeadings(mdx: string): string {
  return [...mdx.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => mdxText(m[1] ?? '')).join('\n');
}

/** The texts to count in, from converted output (data/site.json + documents/*.mdx). */
export function documentTexts(files: ReadonlyMap<string, string>): DocumentText[] {
  const site = JSON.parse(files.get('data/site.json') ?? '[]') as Array<{ id: string; url: string; meta: { title: { value: string | null } } }>;
  return site.map((d) => {
    const mdx = files.get(`documents/${d.id}.mdx`) ?? '';
    return { url: d.url, title: d.meta.title.value ?? '', headings: mdxHeadings(mdx), body: mdxText(mdx) };
  });
}

/** A document's parts as folded words, folded once for many queries. */
export interface FoldedDocument {
  url: string;
  title: string[];
  headings: string[];
  body: string[];
}

export function foldDocuments(docs: readonly DocumentText[]): FoldedDocument[] {
  return docs.map((d) => ({ url: d.url, title: foldedWords(d.title), headings: foldedWords(d.headings), body: foldedWords(d.body) }));
}

export function countQuery(docs: readonly FoldedDocument[], query: string): DocumentCounts[] {
  const q = foldedWords(query);
  return docs.map((d) => ({ url: d.url, title: countIn(d.title, q), headings: countIn(d.headings, q), body: countIn(d.body, q) }));
}

/** Each occurrence of the folded phrase in a text, with `width` words either side (folded). */
export function occurrences(text: string, query: string, width = 12): string[] {
  const words = foldedWords(text);
  const q = foldedWords(query);
  const out: string[] = [];
  for (let i = 0; i + q.length <= words.length; i++) {
    if (q.every((w, j) => words[i + j] === w)) out.push(words.slice(Math.max(0, i - width), i + q.length + width).join(' '));
  }
  return out;
}

function line(c: DocumentCounts): string {
  const part = (name: string, k: Counts): string => `${name} ${k.phrase} [${k.words.join(' ')}]`;
  return `${String(c.body.phrase).padStart(4)}  ${part('title', c.title)}  ${part('head', c.headings)}  ${part('body', c.body)}  ${c.url}`;
}

async function converted(contentDir: string): Promise<Map<string, string>> {
  // Loaded only when converting, so reading a converted folder needs nothing of the pipeline.
  const { convertInMemory } = await import('../../pipeline/convert-archive.ts');
  const { files, errors } = await convertInMemory(contentDir);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return files;
}

/** The converter's output folder as the files map convertInMemory returns. */
export function readGenerated(dir: string): Map<string, string> {
  const files = new Map<string, string>([['data/site.json', readFileSync(path.join(dir, 'data', 'site.json'), 'utf8')]]);
  for (const name of readdirSync(path.join(dir, 'documents')).sort()) files.set(`documents/${name}`, readFileSync(path.join(dir, 'documents', name), 'utf8'));
  return files;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { content: { type: 'string', default: 'content' }, generated: { type: 'string' }, top: { type: 'string', default: '15' }, show: { type: 'string' } },
  });
  const files = values.generated !== undefined ? readGenerated(values.generated) : await converted(values.content);
  const docs = documentTexts(files);
  if (values.show !== undefined) {
    const doc = docs.find((d) => d.url === values.show);
    if (!doc) throw new Error(`${values.show}: not a published document`);
    console.log(`${doc.url}\n  ${doc.title}`);
    for (const query of positionals) for (const o of occurrences(doc.body, query)) console.log(`  · ${o}`);
    return;
  }
  const top = Number(values.top);
  const folded = foldDocuments(docs);
  for (const query of positionals) {
    const counts = countQuery(folded, query)
      .filter((c) => c.body.phrase > 0 || c.body.words.every((n) => n > 0))
      .sort((a, b) => b.body.phrase - a.body.phrase || b.title.phrase - a.title.phrase || (a.url < b.url ? -1 : 1));
    console.log(`\n"${query}" -> [${foldedWords(query).join(' ')}]: ${counts.filter((c) => c.body.phrase > 0).length} documents hold the phrase, ${counts.length} the phrase or every word`);
    console.log('  body phrase  title phrase [per word]  headings …  body …');
    for (const c of counts.slice(0, top)) console.log(line(c));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
