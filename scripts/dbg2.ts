import { readFileSync } from 'node:fs';
import { normalise } from './pipeline/02-normalise/index.ts';
const t = readFileSync('content/sources/002_69de05d7962fd3a5.txt','utf8');
const n = normalise(t);
for (const l of n.lines.slice(0, 16)) console.log(JSON.stringify(l.text.slice(0,50)), /^(Căn cứ|Xét)\b/.test(l.text), /^QUYẾT\s+NGHỊ\s*:?$/.test(l.text));
