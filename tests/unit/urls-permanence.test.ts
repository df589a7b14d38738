/**
 * The published-URL register, content/aliases.yaml and the permanence check
 * (scripts/urls/), on small synthetic builds; and the committed register.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AliasesError, aliasProblems, parseAliases, relativeUrl, type Aliases } from '../../scripts/urls/aliases.ts';
import { checkPermanence, formatFailure, publishedLines } from '../../scripts/urls/permanence.ts';
import { formatRegister, parseRegister, REGISTER_HEADER } from '../../scripts/urls/register.ts';
import { AsciiSlugger } from '../../scripts/lib/slug.ts';
import { resolveSitePath, scanPage, type DistScan, type ScannedDocument } from '../../scripts/urls/scan-dist.ts';

const OLD = '/van-ban/thanh-uy-ha-long/2020/nq-chua-ro-so-1/';
const NEW = '/van-ban/thanh-uy-ha-long/2020/12-nq-tu/';
const NEW_ID = 'thanh-uy-ha-long-2020-12-nq-tu';
const NQ09 = '/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/';
const NQ09_ID = 'tinh-uy-quang-ninh-2017-09-nq-tu';

function doc(id: string, url: string, fragments: string[], moved: Record<string, string> = {}): ScannedDocument {
  return { id, url, fragments, movedFragments: new Map(Object.entries(moved)) };
}

function scan(docs: ScannedDocument[], aliasPages: Array<[string, string, string | null]> = []): DistScan {
  return {
    documents: new Map(docs.map((d) => [d.url, d])),
    aliases: new Map(aliasPages.map(([url, target, refreshPath]) => [url, { url, target, refreshPath, canonical: null }])),
    pages: new Set(['/', '/tim-kiem/', ...docs.map((d) => d.url)]),
  };
}

const register = (...lines: string[]) => {
  const parsed = parseRegister(lines.join('\n'), 'published-urls.txt');
  expect(parsed.problems).toEqual([]);
  return parsed.entries;
};
const none: Aliases = { documents: [], fragments: [], cited: [] };

describe('register file', () => {
  it('is written sorted (code-unit order), once per line, with its header', () => {
    const text = formatRegister([`${NQ09}#II.3`, NQ09, `${NQ09}#II.10`, `${NQ09}#II.3`, `${NQ09}#I`]);
    expect(text).toBe(`${REGISTER_HEADER.join('\n')}\n${NQ09}\n${NQ09}#I\n${NQ09}#II.10\n${NQ09}#II.3\n`);
  });

  it('rejects lines that are not document paths or fragments', () => {
    const { entries, problems } = parseRegister(`# comment\n\n${NQ09}\n/van-ban/x/\nhttps://a.example/van-ban/a/2017/b/\n${NQ09}#II 3\n${NQ09}#I.2.ct-3\n`, 'reg.txt');
    expect(entries.map((e) => e.line)).toEqual([NQ09, `${NQ09}#I.2.ct-3`]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^reg\.txt:4: "\/van-ban\/x\/"/);
  });
});

describe('register file holds every fragment the converter makes', () => {
  it('slugs keep github-slugger\'s repeated and trailing hyphens (real annex headings, ADR 1002)', () => {
    // Lines of two real sources that become annex-level headings: "kinh tế - kỹ thuật" and a title ending in "…".
    const line = (file: string, start: string) =>
      readFileSync(`content/sources/${file}`, 'utf8').split('\n').map((l) => l.replace(/^#+\s*/, '').trim()).find((l) => l.startsWith(start))!;
    const slugger = new AsciiSlugger();
    const ids = [
      slugger.slug(line('123_hanoi_vanbangoc_qd_08_2025_llm_md.txt', 'A. PHẠM VI ĐIỀU CHỈNH')),
      slugger.slug(line('116_hanoi_vanbangoc_qd_40_2025_pdftext.txt', 'TM. UBND XÃ')),
      slugger.slug(line('116_hanoi_vanbangoc_qd_40_2025_pdftext.txt', 'TM. UBND XÃ')),
    ];
    expect(ids).toEqual(['a-pham-vi-dieu-chinh-doi-tuong-ap-dung-dinh-muc-kinh-te---ky-thuat', 'tm-ubnd-xa-phuong-', 'tm-ubnd-xa-phuong--1']);
    const lines = ids.map((id) => `${NQ09}#phu-luc.${id}`);
    // What urls:accept writes, the build's check reads back.
    const { entries, problems } = parseRegister(formatRegister(lines), 'reg.txt');
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.fragment)).toEqual(ids.map((id) => `phu-luc.${id}`).sort());
    // Still not a fragment: empty parts, characters a URL would escape.
    expect(parseRegister([`${NQ09}#phu-luc..a`, `${NQ09}#.a`, `${NQ09}#a b`, `${NQ09}#quyết`].join('\n'), 'reg.txt').problems).toHaveLength(4);
  });
});

describe('aliases file', () => {
  it('parses documents and fragments', () => {
    const a = parseAliases(`documents:\n  - url: ${OLD}\n    document: ${NEW_ID}\n    note: số đã rõ\nfragments:\n  - document: ${NEW_ID}\n    from: II.7.3\n    to: II.8\n`, 'aliases.yaml');
    expect(a).toEqual({
      documents: [{ url: OLD, document: NEW_ID, note: 'số đã rõ' }],
      fragments: [{ document: NEW_ID, from: 'II.7.3', to: 'II.8' }],
      cited: [],
    });
    expect(parseAliases('', 'aliases.yaml')).toEqual({ documents: [], fragments: [], cited: [] });
  });

  it('lists every shape problem at once', () => {
    const bad = `documents:\n  - url: https://x.example${OLD}\n    document: Bad Id\n  - url: ${OLD}#II.3\n    document: ${NEW_ID}\n    extra: 1\nfragments:\n  - document: ${NEW_ID}\n    from: 2\n    to: "#II.8"\nother: 1\n`;
    let error: AliasesError | null = null;
    try {
      parseAliases(bad, 'aliases.yaml');
    } catch (e) {
      error = e as AliasesError;
    }
    expect(error).toBeInstanceOf(AliasesError);
    expect(error!.message).toMatch(/^aliases\.yaml: /);
    expect(error!.problems.join('\n')).toMatch(/unknown top-level key "other"/);
    expect(error!.problems.join('\n')).toMatch(/documents\[0\]: "url" must be an old document path/);
    expect(error!.problems.join('\n')).toMatch(/documents\[0\]: "document" must be a document id/);
    expect(error!.problems.join('\n')).toMatch(/documents\[1\]: unknown field "extra"/);
    expect(error!.problems.join('\n')).toMatch(/fragments\[0\]: "from" must be a fragment id .*quote it/);
    expect(error!.problems.join('\n')).toMatch(/fragments\[0\]: "to" must be a fragment id/);
    expect(() => parseAliases('documents: [', 'aliases.yaml')).toThrow(/not valid YAML/);
  });

  it('refuses unknown ids, self-aliases, live URLs, duplicates, live or missing fragments and chains', () => {
    const live = {
      documents: new Map([
        [NEW_ID, { url: NEW, fragments: new Set(['II.8', 'II.9']) }],
        [NQ09_ID, { url: NQ09, fragments: new Set(['II.3']) }],
      ]),
      pages: new Set(['/van-ban/thanh-uy-ha-long/2020/listing/']),
    };
    const problems = aliasProblems(
      {
        documents: [
          { url: OLD, document: 'no-such-id' },
          { url: NEW, document: NEW_ID },
          { url: NQ09, document: NEW_ID },
          { url: OLD, document: NEW_ID },
          { url: '/van-ban/thanh-uy-ha-long/2020/listing/', document: NEW_ID },
        ],
        fragments: [
          { document: 'no-such-id', from: 'I', to: 'II' },
          { document: NEW_ID, from: 'II.8', to: 'II.8' },
          { document: NEW_ID, from: 'II.9', to: 'II.8' },
          { document: NEW_ID, from: 'II.7.3', to: 'II.99' },
          { document: NEW_ID, from: 'II.7.4', to: 'II.7.3' },
        ],
        cited: [],
      },
      live,
    );
    const text = problems.join('\n');
    expect(text).toMatch(/documents\[0\].*unknown document id "no-such-id"/);
    expect(text).toMatch(/documents\[1\].*to its own URL/);
    expect(text).toMatch(/documents\[2\].*live URL of document "tinh-uy-quang-ninh-2017-09-nq-tu"/);
    expect(text).toMatch(/documents\[3\].*listed twice/);
    expect(text).toMatch(/documents\[4\].*a page of this build already lives at this URL/);
    expect(text).toMatch(/fragments\[0\].*unknown document id/);
    expect(text).toMatch(/fragments\[1\].*the same fragment/);
    expect(text).toMatch(/fragments\[2\].*"II.9" is still a live fragment/);
    expect(text).toMatch(/fragments\[3\].*no fragment "II.99"/);
    expect(text).toMatch(/fragments\[4\].*is itself an old fragment/);
    expect(aliasProblems({ documents: [{ url: OLD, document: NEW_ID }], fragments: [{ document: NEW_ID, from: 'II.7.3', to: 'II.8' }], cited: [] }, live)).toEqual([]);
  });

  it('links alias pages relatively (any host, any base path, file://)', () => {
    expect(relativeUrl(OLD, NEW)).toBe('../12-nq-tu/');
    expect(relativeUrl('/van-ban/tinh-uy-quang-ninh/2021/nq-chua-ro-so-2/', '/van-ban/tinh-uy-quang-ninh/2021/05-nq-tu/')).toBe('../05-nq-tu/');
    expect(relativeUrl('/van-ban/a/2020/x/', '/van-ban/b/2021/y/')).toBe('../../../b/2021/y/');
    expect(resolveSitePath(OLD, '../12-nq-tu/index.html')).toBe(NEW);
    expect(resolveSitePath(OLD, 'https://elsewhere.example/x/')).toBeNull();
  });
});

describe('permanence check', () => {
  const built = doc(NQ09_ID, NQ09, ['dau-van-ban', 'II', 'II.3']);

  it('passes when every line resolves, and accepts what is built', () => {
    const result = checkPermanence(register(NQ09, `${NQ09}#II.3`), scan([built]), none);
    expect(result).toMatchObject({ ok: true, checked: 2, viaAlias: 0, lostPages: [], lostFragments: [], aliasProblems: [] });
    expect(publishedLines(scan([built]))).toEqual([NQ09, `${NQ09}#dau-van-ban`, `${NQ09}#II`, `${NQ09}#II.3`]);
  });

  it('fails naming a lost document URL, with its fragments counted, the likely new home and the YAML to add', () => {
    const moved = doc(NEW_ID, NEW, ['II.8']);
    const result = checkPermanence(register(OLD, `${OLD}#II.7.3`, `${OLD}#II.8`, NQ09), scan([built, moved]), none);
    expect(result.ok).toBe(false);
    expect(result.lostPages).toEqual([{ url: OLD, fragments: 2 }]);
    const message = formatFailure(result, { register: 'content/published-urls.txt', aliases: 'content/aliases.yaml' });
    expect(message).toContain(`  ${OLD}   (and its 2 published fragment(s))`);
    expect(message).toContain(`  ${NEW}   id ${NEW_ID}`);
    expect(message).toContain('add an alias to content/aliases.yaml');
    expect(message).toContain(`      - url: ${OLD}\n        document: <id of the document it now is>`);
  });

  it('resolves an old URL through its alias page, then each fragment directly or through the page mapping', () => {
    const moved = doc(NEW_ID, NEW, ['II.8', 'I.2.ct-3'], { 'II.7.3': 'II.8' });
    const aliases: Aliases = { documents: [{ url: OLD, document: NEW_ID }], fragments: [{ document: NEW_ID, from: 'II.7.3', to: 'II.8' }], cited: [] };
    const result = checkPermanence(register(OLD, `${OLD}#II.7.3`, `${OLD}#I.2.ct-3`), scan([moved], [[OLD, NEW_ID, NEW]]), aliases);
    expect(result).toMatchObject({ ok: true, checked: 3, viaAlias: 3 });
  });

  it('fails naming a lost fragment of a live document', () => {
    const result = checkPermanence(register(NQ09, `${NQ09}#II.4`), scan([built]), none);
    expect(result.ok).toBe(false);
    expect(result.lostFragments).toEqual([{ line: `${NQ09}#II.4`, document: NQ09_ID, fragment: 'II.4' }]);
    const message = formatFailure(result, { register: 'r', aliases: 'a' });
    expect(message).toContain(`${NQ09}#II.4   (document ${NQ09_ID} has no id "II.4")`);
    expect(message).toContain(`      - document: ${NQ09_ID}\n        from: "II.4"`);
  });

  it('keeps cited-document pages (/tham-chieu/) published, and fails naming one that is gone', () => {
    const cited = '/tham-chieu/tinh-uy-quang-ninh/06-nq-tu-2021/';
    const withCited: DistScan = { ...scan([built]), pages: new Set([...scan([built]).pages, cited, '/tham-chieu/']) };
    expect(publishedLines(withCited)).toEqual([NQ09, `${NQ09}#dau-van-ban`, `${NQ09}#II`, `${NQ09}#II.3`, cited]);
    expect(checkPermanence(register(NQ09, cited), withCited, none).ok).toBe(true);
    const gone = checkPermanence(register(NQ09, cited), scan([built]), none);
    expect(gone.lostPages).toEqual([{ url: cited, fragments: 0 }]);
  });

  it('keeps a renamed cited-document page through its alias page, and validates cited aliases', () => {
    const OLD_CITED = '/tham-chieu/hdnd-tinh-quang-ninh/204-nq-hdnd/';
    const NEW_CITED = '/tham-chieu/hdnd-tinh-quang-ninh/204-nq-hdnd-2024/';
    const base = scan([built], [[OLD_CITED, `cited:${NEW_CITED}`, NEW_CITED]]);
    const withNew: DistScan = { ...base, pages: new Set([...base.pages, NEW_CITED]) };
    const aliases: Aliases = { documents: [], fragments: [], cited: [{ url: OLD_CITED, to: NEW_CITED }] };
    expect(checkPermanence(register(OLD_CITED), withNew, aliases)).toMatchObject({ ok: true, viaAlias: 1 });
    // Without the alias, the failure proposes a "cited:" entry.
    const lost = checkPermanence(register(OLD_CITED), { ...scan([built]), pages: new Set([...scan([built]).pages, NEW_CITED]) }, none);
    expect(formatFailure(lost, { register: 'r', aliases: 'a' })).toContain(`    cited:\n      - url: ${OLD_CITED}\n        to: <the /tham-chieu/ page it now is>`);
    // An alias to a page the build does not have, or from a live page, is refused.
    const bad = aliasProblems({ documents: [], fragments: [], cited: [{ url: NEW_CITED, to: '/tham-chieu/x/y/' }] }, { documents: new Map(), pages: new Set([NEW_CITED]) });
    expect(bad.join('\n')).toMatch(/already lives at this URL[^]*no page at "to"/);
    expect(() => parseAliases('cited:\n  - url: /van-ban/a/2020/b/\n    to: x\n', 'aliases.yaml')).toThrow(/"url" must be a cited-document path[^]*"to" must be a cited-document path/);
  });

  it('does not trust an alias the build did not really publish', () => {
    const moved = doc(NEW_ID, NEW, ['II.8']);
    const aliases: Aliases = { documents: [{ url: OLD, document: NEW_ID }], fragments: [{ document: NEW_ID, from: 'II.7.3', to: 'II.8' }], cited: [] };
    // No alias page, and no mapping on the document page.
    const missing = checkPermanence(register(OLD), scan([moved]), aliases);
    expect(missing.ok).toBe(false);
    expect(missing.aliasProblems.join('\n')).toMatch(/wrote no alias page/);
    expect(missing.aliasProblems.join('\n')).toMatch(/carries no such mapping/);
    // An alias page that redirects elsewhere.
    const wrong = checkPermanence(register(OLD), scan([moved], [[OLD, NEW_ID, NQ09]]), { documents: aliases.documents, fragments: [], cited: [] });
    expect(wrong.aliasProblems.join('\n')).toMatch(/redirect leads to \/van-ban\/tinh-uy-quang-ninh\/2017\/09-nq-tu\/, not to/);
  });
});

describe('reading a built page', () => {
  it('finds a document page, its citable ids only, and its fragment mapping', () => {
    const page = scanPage(
      '<html><head><meta name="archive:document-id" content="x-2020-1"></head><body>' +
        '<nav><a id="trang:muc-luc" href="#II">II</a></nav><article><div class="doc__body">' +
        '<div class="source-header" id="dau-van-ban"><p>h</p></div>' +
        '<section id="II" class="provision" data-provision="II"><p>a<br>b <span id="II.ct-1" class="target">(1)</span>' +
        '<ins title="a > b">c</ins><sup class="fnref"><a href="#fn-1" id="fnref-1">1</a></sup></p></section>' +
        '<section class="footnotes" id="chu-thich"><ol><li id="fn-1">n</li></ol></section></div>' +
        '<p id="after">x</p></article>' +
        '<script type="application/json" id="trang:muc-da-doi">{"II.1":["II","notice"]}</script></body></html>',
    );
    expect(page).toEqual({ kind: 'document', id: 'x-2020-1', fragments: ['dau-van-ban', 'II', 'II.ct-1', 'chu-thich'], movedFragments: new Map([['II.1', 'II']]) });
  });

  it('finds an alias page and its redirect', () => {
    expect(scanPage('<head><meta name="archive:alias-of" content="x"><link rel="canonical" href="../y/"><meta http-equiv="refresh" content="0; url=../y/index.html"></head>')).toEqual({
      kind: 'alias',
      target: 'x',
      refresh: '../y/index.html',
      canonical: '../y/',
    });
    expect(scanPage('<p id="II">x</p>')).toEqual({ kind: 'other' });
  });
});

describe('the committed register', () => {
  it('is well-formed, sorted and lists the five shipped documents', () => {
    const text = readFileSync('content/published-urls.txt', 'utf8');
    const { entries, problems } = parseRegister(text, 'content/published-urls.txt');
    expect(problems).toEqual([]);
    // Exactly what `npm run urls:accept` writes: a hand edit that unsorts or duplicates shows here.
    expect(formatRegister(entries.map((e) => e.line))).toBe(text);
    const documents = entries.filter((e) => e.fragment === null).map((e) => e.path);
    expect(documents).toEqual(
      expect.arrayContaining([
        '/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/',
        '/van-ban/thanh-uy-ha-long/2020/nq-chua-ro-so-1/',
        '/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/',
        '/van-ban/tinh-uy-quang-ninh/2021/nq-chua-ro-so-2/',
        '/van-ban/tinh-uy-quang-ninh/2022/nq-chua-ro-so-1/',
      ]),
    );
    expect(entries.map((e) => e.line)).toContain(`${NQ09}#II.3`);
    expect(entries.map((e) => e.line)).toContain('/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/#dieu-1.2');
  });
});
