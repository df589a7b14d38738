import { convertInMemory } from './pipeline/convert-archive.ts';
const { documents } = await convertInMemory('content');
const walk = (ps: any[]) => { for (const p of ps) { const h = p.heading.map((x: any) => x.text ?? '').join(''); const b = p.blocks[0]?.content.map((c: any) => c.text ?? c.label ?? '').join('') ?? ''; console.log(p.id.padEnd(10), h ? `H: ${h}` : '', '|| P:', b.slice(0, 60)); walk(p.children); } };
for (const d of documents) { console.log('==', d.sourceFile); walk(d.provisions); }
