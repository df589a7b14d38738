/**
 * The joined search page of the shard proof: one search box over every
 * shard. It loads the root shard's pagefind.js with the site's own options
 * and merges each other shard's index (Pagefind 1.6 `mergeIndex`) before
 * init. `baseUrl: '/'` keeps the merged results' URLs as they were built
 * (/van-ban/<issuer>/...): by default Pagefind would prefix them with the
 * folder the index sits in (/kho/<name>/).
 *
 * The site's own search page would do the same in
 * src/scripts/pagefind-loader.ts (see docs/decisions/1201-shards.md).
 */
import { PAGEFIND_OPTIONS } from '../../src/scripts/pagefind-loader.ts';

export function joinPageHtml(mergedIndexes: string[]): string {
  const script = `
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.options(${JSON.stringify(PAGEFIND_OPTIONS)});
for (const index of ${JSON.stringify(mergedIndexes)}) await pagefind.mergeIndex(index, { baseUrl: '/' });
await pagefind.init();
const form = document.querySelector('form');
const list = document.getElementById('ket-qua');
const status = document.getElementById('trang-thai');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const term = form.elements.q.value.trim();
  const response = await pagefind.search(term);
  const results = response ? await Promise.all(response.results.map((r) => r.data())) : [];
  list.replaceChildren(...results.map((data) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = data.meta.title ?? data.url;
    item.append(link);
    return item;
  }));
  status.textContent = results.length + ' kết quả';
  document.body.dataset.searched = term;
});
document.body.dataset.ready = 'true';
`;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tìm kiếm trên mọi kho</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<main>
<h1>Tìm kiếm trên mọi kho</h1>
<form role="search">
<label for="q">Từ khóa</label>
<input id="q" name="q" type="search">
<button type="submit">Tìm</button>
</form>
<p id="trang-thai" role="status"></p>
<ol id="ket-qua"></ol>
</main>
<script type="module">${script}</script>
</body>
</html>
`;
}
