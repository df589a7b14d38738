import { readFileSync, readdirSync } from 'node:fs';
import { normalise } from '/work/main/scripts/pipeline/02-normalise/index.ts';
import { segment } from '/work/main/scripts/pipeline/03-segment/index.ts';
import { structure } from '/work/main/scripts/pipeline/04-structure/index.ts';
import { readHeader } from '/work/main/scripts/pipeline/05-metadata/header.ts';
const dir = '/work/main/content/sources/';
for (const f of readdirSync(dir).filter(f => !process.argv[2] || f.startsWith(process.argv[2]))) {
  const text = readFileSync(dir + f, 'utf8').normalize('NFC').replace(/\r\n?/g, '\n');
  const n = normalise(text);
  const s = segment(n.lines, n.wrapWidth);
  const st = structure(s, n.wrapWidth);
  const facts = readHeader(s.header, s.signature, s.closing);
  console.log('=====', f, 'W=', n.wrapWidth);
  console.log('HEADER', s.header.map(l => l.text));
  console.log('FACTS', JSON.stringify(Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, (v as any).value]))));
  const pr = (ps: any[], d: number) => { for (const p of ps) { const h = p.heading.map((x: any) => x.text).join(''); console.log('  '.repeat(d) + p.id, '|', p.label, '|', (h || (p.blocks[0]?.content.map((c: any) => c.text ?? '').join('') ?? '')).slice(0, 70), `[${p.blocks.length}]`); pr(p.children, d + 1); } };
  pr(st.provisions, 0);
  console.log('ISSUES', st.issues.map(i => i.message + ' ' + (i.text ?? '')));
  console.log('RECIP', s.recipients.map(l => l.text)); console.log('SIG', s.signature.map(l => l.text)); console.log('CLOSING', s.closing.map(l=>l.text.slice(0,60)));
}
