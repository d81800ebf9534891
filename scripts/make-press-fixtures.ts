/**
 * Builds the press fixture set (test/fixtures/pages/scan/press): hand-written articles in
 * test/fixtures/pages/scan/press/src/*.txt become an HTML page and a label sidecar each.
 *
 *   npx tsx scripts/make-press-fixtures.ts
 *
 * Source format (every word of it written for this project):
 *   header lines `key: value` (title, lang, style, split, site, byline, about), a blank line, then
 *   paragraphs separated by blank lines. `## ` starts a subhead, `> ` a block quote (`> ` … `-- cite`
 *   for a cited one), `@pool N` inserts background paragraph N of the style's pool (pool-*.txt),
 *   `@aside …` a sidebar line. A labelled quote is written `[[s.v:quote text]]` where the marks stay
 *   outside: s = a (Amodei) | h (host) | o (someone else) | u (the page names nobody);
 *   v = v (verbatim) | al (altered) | r (related) | n (not-found). The brackets are removed.
 * The split (dev / heldout) is in each header, fixed before any tuning.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/pages/scan/press');
const SRC = resolve(DIR, 'src');

const SPEAKERS: Record<string, string> = { a: 'amodei', h: 'host', o: 'other', u: 'unknown' };
const VERDICTS: Record<string, string> = { v: 'verbatim', al: 'altered', r: 'related', n: 'not-found' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function pool(name: string): string[] {
  return readFileSync(resolve(SRC, `pool-${name}.txt`), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });

function poolFor(lang: string, style: string): string[] {
  if (lang === 'en') return pool('en');
  const hans = pool('zh');
  if (lang === 'zh-Hans') return hans;
  return hans.map((p) => (style.startsWith('hk') ? toHk(p) : toTw(p)));
}

interface Label {
  text: string;
  pageSpeaker: string;
  verdict: string;
}

function labelsOf(text: string, out: Label[]): string {
  return text.replace(/\[\[([ahou])\.(v|al|r|n):([^\]]+)\]\]/g, (_, s: string, v: string, q: string) => {
    out.push({ text: q, pageSpeaker: SPEAKERS[s], verdict: VERDICTS[v] });
    return q;
  });
}

function build(file: string): void {
  const raw = readFileSync(resolve(SRC, file), 'utf8');
  const [head, ...rest] = raw.split(/\n\s*\n/);
  const meta = Object.fromEntries(head.split('\n').map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
  const bg = poolFor(meta.lang, meta.style);
  const labels: Label[] = [];
  const body: string[] = [];
  const aside: string[] = [];
  for (const para of rest.map((p) => p.trim()).filter(Boolean)) {
    if (para.startsWith('@pool ')) {
      const n = Number(para.slice(6));
      if (!bg[n]) throw new Error(`${file}: no pool paragraph ${n}`);
      if (/\[\[/.test(bg[n])) throw new Error('pool paragraphs carry no labels');
      body.push(`<p>${esc(bg[n])}</p>`);
    } else if (para.startsWith('@aside ')) {
      aside.push(`<li><a href="#">${esc(para.slice(7))}</a></li>`);
    } else if (para.startsWith('## ')) {
      body.push(`<h2>${esc(para.slice(3))}</h2>`);
    } else if (para.startsWith('> ')) {
      const lines = para.split('\n').map((l) => l.replace(/^>\s?/, ''));
      const citeLine = lines.findIndex((l) => l.startsWith('-- '));
      const cite = citeLine >= 0 ? lines.splice(citeLine, 1)[0].slice(3) : '';
      const text = labelsOf(lines.join(' '), labels);
      body.push(`<blockquote${cite ? ` cite="#"` : ''}><p>${esc(text)}</p>${cite ? `<footer>— <cite>${esc(cite)}</cite></footer>` : ''}</blockquote>`);
    } else {
      body.push(`<p>${esc(labelsOf(para.replace(/\n/g, ' '), labels))}</p>`);
    }
  }
  const name = file.replace(/\.txt$/, '');
  const html = `<!doctype html>
<html lang="${meta.lang}">
<head>
<meta charset="utf-8">
<title>${esc(meta.title)} | ${esc(meta.site)}</title>
<link rel="stylesheet" href="/news.css">
</head>
<body>
<header class="site">${esc(meta.site)}</header>
<nav><ul class="menu"><li><a href="#">${meta.lang === 'en' ? 'Home' : meta.lang === 'zh-Hans' ? '首页' : '首頁'}</a></li><li><a href="#">${meta.lang === 'en' ? 'Tech' : meta.lang === 'zh-Hans' ? '科技' : '科技'}</a></li><li><a href="#">AI</a></li></ul></nav>
<main class="article">
<article>
<h1>${esc(meta.title)}</h1>
<p class="byline">${esc(meta.byline)}</p>
${body.join('\n')}
</article>
${aside.length ? `<aside class="sidebar"><ul>${aside.join('')}</ul></aside>` : ''}
</main>
<footer class="site-footer"><p>${esc(meta.site)} · ${meta.lang === 'en' ? 'Fictional article written for the Verbatim test suite.' : '本文為 Verbatim 測試用的虛構報導'}</p></footer>
</body>
</html>
`;
  writeFileSync(resolve(DIR, `${name}.html`), html);
  const sidecar = { about: meta.about, split: meta.split, style: `${meta.lang} ${meta.style}`, quotes: labels };
  writeFileSync(resolve(DIR, `${name}.json`), `${JSON.stringify(sidecar, null, 1)}\n`);
  const plain = body.join('\n').replace(/<[^>]+>/g, '');
  const size = meta.lang === 'en' ? `${plain.split(/\s+/).filter(Boolean).length} words` : `${(plain.match(/\p{Script=Han}/gu) ?? []).length} Han characters`;
  console.log(`${name.padEnd(28)} ${meta.split.padEnd(8)} ${String(labels.length).padStart(3)} quotes  ${size}`);
}

mkdirSync(DIR, { recursive: true });
for (const f of readdirSync(SRC).filter((f) => f.endsWith('.txt') && !f.startsWith('pool-')).sort()) build(f);
