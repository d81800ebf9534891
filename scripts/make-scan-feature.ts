/**
 * Writes test/fixtures/pages/scan/feature-long.html and its labels (feature-long.json): a long
 * English feature (about 10 000 words) with 60 quotes taken from Verbatim's English gloss of the
 * interview (Amodei's and the host's lines, some of the host's presented as Amodei's) and a few
 * invented ones, in rotating constructions. Deterministic: `npx tsx scripts/make-scan-feature.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transcript } from '../src/types';
import { rng } from '../test/match/rng';
import { ZH_FILLER, ZH_TOPICS } from '../test/fixtures/zh-article-text';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, 'test/fixtures/pages/scan');

const transcript = JSON.parse(readFileSync(resolve(ROOT, 'data/transcript.json'), 'utf8')) as Transcript;
const gloss = (JSON.parse(readFileSync(resolve(ROOT, 'data/gloss.en.json'), 'utf8')) as { gloss: Record<string, string> }).gloss;
const rand = rng(20250611);

function sentences(speaker: 'amodei' | 'host'): string[] {
  const out: string[] = [];
  for (const p of transcript.paragraphs) {
    if (p.kind !== 'turn' || p.speaker !== speaker || !gloss[p.id]) continue;
    for (const s of gloss[p.id].split(/(?<=[.?!])\s+/)) {
      const words = s.split(/\s+/).length;
      if (words >= 9 && words <= 32 && !/[“”"‘]/.test(s) && !/^(So|And|But|Yes|Well)\b/.test(s)) out.push(s);
    }
  }
  return out;
}
function pick<T>(xs: T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
}

const INVENTED = [
  'We will release a model that is smarter than every human by the end of next spring.',
  'Open-sourcing the frontier weights is the single best thing we could do for safety.',
  'I expect our revenue to overtake the largest cloud companies within three years.',
  'Export controls have never worked and they never will, so we should drop them.',
  'Nobody at Anthropic has ever turned down an offer from another lab.',
  'The scaling laws stopped working last year and we are quietly changing course.',
];

type Label = { text: string; pageSpeaker: 'amodei' | 'host' | 'other'; name?: string; verdict: string; transcriptSpeaker?: string };

const amodei = pick(sentences('amodei'), 40).map((text) => ({ text, truth: 'amodei' as const, verdict: 'related' }));
const host = pick(sentences('host'), 14).map((text, i) => ({ text, truth: 'host' as const, verdict: 'related', asAmodei: i < 6 }));
const invented = INVENTED.map((text) => ({ text, truth: null, verdict: 'not-found' }));
const quotes = pick([...amodei, ...host, ...invented], 60);

const TOPICS = [
  'compute budgets', 'the training runs of the last two years', 'benchmarks that saturate', 'enterprise customers', 'coding assistants',
  'export rules for chips', 'biology research', 'the company culture', 'hiring and retention', 'data center construction',
  'model evaluations', 'policy debates in Washington', 'the economics of inference', 'safety research', 'interpretability work',
];
const FILLER = [
  'The section on {t} runs longer than the others, and it rewards a slow reading.',
  'Anyone following {t} over the past year will recognise the outline of the argument.',
  'There is a practical side to {t} that rarely makes it into the headlines.',
  'Numbers about {t} move quickly, and most of them are estimates rather than audited figures.',
  'For readers new to {t}, a little background helps before the details.',
  'The industry has spent heavily on {t}, and the returns are still being measured.',
  'Critics and supporters alike agree that {t} will matter for the next several years.',
  'A careful look at {t} shows how much of the field depends on a few decisions.',
  'It is easy to overstate what {t} can do in the short run.',
  'The story of {t} is also a story about people and the choices they make.',
  'Few topics in this conversation were as concrete as {t}.',
  'Observers of {t} tend to divide into optimists and skeptics, with little in between.',
];
function filler(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const tpl = FILLER[Math.floor(rand() * FILLER.length)];
    parts.push(tpl.replace('{t}', TOPICS[Math.floor(rand() * TOPICS.length)]));
  }
  return parts.join(' ');
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const labels: Label[] = [];
const body: string[] = [];
quotes.forEach((q, i) => {
  if (i % 6 === 0) body.push(`<h2>Part ${i / 6 + 1}</h2>`);
  body.push(`<p>${esc(filler(5))}</p>`);
  body.push(`<p>${esc(filler(4))}</p>`);
  const speaker: 'amodei' | 'host' | 'other' = q.truth === 'host' && !('asAmodei' in q && q.asAmodei) ? 'host' : q.truth === null && i % 4 === 0 ? 'other' : 'amodei';
  const who = speaker === 'host' ? 'Kantrowitz' : speaker === 'other' ? 'a former employee' : 'Amodei';
  const text = q.text.replace(/[.?!]$/, '');
  const end = q.text.slice(-1);
  let html: string;
  let quoted = q.text;
  switch (i % 5) {
    case 0:
      html = `“${esc(text)},” ${who} said.`;
      quoted = `${text},`;
      break;
    case 1:
      html = `${who === 'a former employee' ? 'A former employee' : who} put it this way: “${esc(q.text)}”`;
      break;
    case 2:
      html = speaker === 'other' ? `${'A former employee'} said: <q>${esc(q.text)}</q>` : `${who} was asked about it again. <q>${esc(q.text)}</q> That was the answer.`;
      break;
    case 3:
      html = `${who === 'a former employee' ? 'A former employee' : who} said that ${esc(text.charAt(0).toLowerCase() + text.slice(1))}${end === '?' ? '?' : '.'}`;
      quoted = text.charAt(0).toLowerCase() + text.slice(1);
      break;
    default:
      html = `“${esc(q.text)}” ${who === 'a former employee' ? 'a former employee' : who} added, before moving on.`;
  }
  body.push(`<p>${html}</p>`);
  labels.push({
    text: quoted,
    pageSpeaker: speaker,
    ...(speaker === 'other' ? { name: 'a former employee' } : {}),
    verdict: q.verdict,
    ...(q.truth ? { transcriptSpeaker: q.truth } : {}),
  });
});
body.push(`<p>${esc(filler(10))}</p>`);

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Demo Long Read · Inside the exponential: a long conversation with Dario Amodei</title>
<link rel="stylesheet" href="/news.css">
</head>
<body>
<div class="nav-bar"><a href="#">Home</a> <a href="#">Long reads</a> <span>Editor's pick: “Why scaling still works”</span></div>
<div class="longread">
<h1>Inside the exponential</h1>
<p class="byline">Generated by scripts/make-scan-feature.ts for Verbatim's tests: filler prose around lines from Verbatim's English gloss of the interview, and a few invented ones.</p>
${body.join('\n')}
</div>
<div class="comments"><p>Comment: “Too long, but worth it.”</p></div>
</body>
</html>
`;
writeFileSync(resolve(OUT, 'feature-long.html'), html);
writeFileSync(
  resolve(OUT, 'feature-long.json'),
  JSON.stringify(
    {
      about: 'Generated by scripts/make-scan-feature.ts: a ~10 000-word English feature with 60 quotes (English gloss lines of Amodei and the host, 6 of the host presented as Amodei, 6 invented).',
      quotes: labels,
      skipped: ['Why scaling still works', 'Too long, but worth it.'],
    },
    null,
    1,
  ) + '\n',
);
const words = html.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
console.log(`feature-long.html: ${words} words, ${labels.length} quotes`);

// ---- The same in Simplified Chinese: CSDN's own sentences (verbatim), host lines (6 presented
// as Amodei's), invented ones; about 20 000 characters.
function zhSentences(speaker: 'amodei' | 'host'): string[] {
  const out: string[] = [];
  for (const p of transcript.paragraphs) {
    if (p.kind !== 'turn' || p.speaker !== speaker) continue;
    for (const s of p.simplified.split(/(?<=[。？！])/)) {
      const t = s.trim();
      if (t.length >= 14 && t.length <= 48 && !/[“”"‘’「」(（]/.test(t) && !/^(所以|而且|但是|然后|是的|对)/.test(t)) out.push(t);
    }
  }
  return out;
}
const ZH_INVENTED = [
  '我们明年春天就会发布一个比所有人类都聪明的模型。',
  '开源最前沿的模型权重,是我们能为安全做的最好的事情。',
  '我预计三年之内,我们的营收会超过最大的几家云计算公司。',
  '出口管制从来没有起过作用,以后也不会,应该全部取消。',
  'Anthropic 从来没有任何人拒绝过其他实验室的邀请。',
  '规模定律去年就已经失效了,我们正在悄悄地改变方向。',
];
const zhFiller = (n: number) => {
  let out = '';
  for (let i = 0; i < n; i++) out += ZH_FILLER[Math.floor(rand() * ZH_FILLER.length)].replace('{t}', ZH_TOPICS[Math.floor(rand() * ZH_TOPICS.length)]);
  return out;
};
const zhQuotes = pick(
  [
    ...pick(zhSentences('amodei'), 40).map((text) => ({ text, truth: 'amodei' as const, verdict: 'verbatim', asAmodei: false })),
    ...pick(zhSentences('host'), 14).map((text, i) => ({ text, truth: 'host' as const, verdict: 'verbatim', asAmodei: i < 6 })),
    ...ZH_INVENTED.map((text) => ({ text, truth: null, verdict: 'not-found', asAmodei: false })),
  ],
  60,
);
const zhLabels: Label[] = [];
const zhBody: string[] = [];
zhQuotes.forEach((q, i) => {
  if (i % 6 === 0) zhBody.push(`<h2>第 ${i / 6 + 1} 部分</h2>`);
  zhBody.push(`<p>${esc(zhFiller(6))}</p>`, `<p>${esc(zhFiller(5))}</p>`);
  const speaker: 'amodei' | 'host' = q.truth === 'host' && !q.asAmodei ? 'host' : 'amodei';
  const who = speaker === 'host' ? '主持人坎特罗维茨' : '阿莫迪';
  const bare = q.text.replace(/[。？！]$/, '');
  let html: string;
  let quoted = q.text;
  switch (i % 4) {
    case 0:
      html = `“${esc(q.text)}”${who}说。`;
      break;
    case 1:
      html = `${who}${speaker === 'host' ? '问道' : '表示'}:“${esc(q.text)}”`;
      break;
    case 2:
      html = `${who}在节目里谈到了这一点。他说:“${esc(q.text)}”`;
      break;
    default:
      html = speaker === 'host' ? `${who}问道:「${esc(q.text)}」` : `${who}认为,${esc(bare)}。`;
      quoted = speaker === 'host' ? q.text : bare;
  }
  zhBody.push(`<p>${html}</p>`);
  zhLabels.push({ text: quoted, pageSpeaker: speaker, verdict: q.verdict, ...(q.truth ? { transcriptSpeaker: q.truth } : {}) });
});
zhBody.push(`<p>${esc(zhFiller(10))}</p>`);
const zhHtml = `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<title>示例长篇 · 指数曲线之内:与达里奥·阿莫迪的长谈</title>
<link rel="stylesheet" href="/news.css">
</head>
<body>
<div class="nav-bar"><a href="#">首页</a> <a href="#">长篇</a> <span>编辑推荐:“为什么规模化仍然有效”</span></div>
<div class="longread">
<h1>指数曲线之内</h1>
<p class="byline">由 scripts/make-scan-feature.ts 生成,供 Verbatim 测试使用:模板文字中穿插访谈文字稿的原句、主持人的话和几句编造的话。</p>
${zhBody.join('\n')}
</div>
<div class="comments"><p>评论:“太长了,但值得一读。”</p></div>
</body>
</html>
`;
writeFileSync(resolve(OUT, 'feature-long-zh.html'), zhHtml);
writeFileSync(
  resolve(OUT, 'feature-long-zh.json'),
  JSON.stringify(
    {
      about: 'Generated by scripts/make-scan-feature.ts: a long Simplified feature with 60 quotes (CSDN sentences of Amodei and the host, 6 of the host presented as Amodei, 6 invented).',
      quotes: zhLabels,
      skipped: ['为什么规模化仍然有效', '太长了,但值得一读。'],
    },
    null,
    1,
  ) + '\n',
);
console.log(`feature-long-zh.html: ${zhHtml.replace(/<[^>]+>/g, '').replace(/\s+/g, '').length} characters, ${zhLabels.length} quotes`);
