import { readFileSync, readdirSync } from 'node:fs';
const site = JSON.parse(readFileSync('.generated/data/site.json', 'utf8'));
for (const d of site) {
  const ids: string[] = [];
  const mdx = readFileSync(`.generated/documents/${d.id}.mdx`, 'utf8');
  for (const m of mdx.matchAll(/<section id="([^"]+)"/g)) ids.push(m[1]);
  console.log(d.sourceFile, JSON.stringify(ids));
}
