import fs from 'node:fs';
import { parseSource, draftToSource, checkAll, builtinSource } from '../src/sources/index';
import transcript from '../data/transcript.json';
for (const f of ['interview-en.vtt', 'interview-zh-gbk.txt']) {
  const r = parseSource({ name: f, bytes: new Uint8Array(fs.readFileSync(`test/fixtures/sources/${f}`)) });
  if (!r.ok) throw new Error(r.error);
  const s = draftToSource(r.draft, 'x1', 1);
  console.log(f, s.title, s.language, s.speakers, s.paragraphs.length, s.paragraphs[3]);
  const q = f.includes('en') ? 'The curve has bumps in it, but I have not seen it bend the way people predict.' : '曲线上有起伏，但我没有看到它像人们预测的那样弯下去。';
  const res = checkAll([{ source: builtinSource(transcript as any), transcript: transcript as any }, { source: s }], q);
  console.log(res.verdict, JSON.stringify(res.matches[0]).slice(0, 400));
}
