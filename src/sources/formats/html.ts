/**
 * HTML files (a saved transcript page). A small tokenizer of our own, since this runs in the
 * background worker and in Node where there is no DOMParser: nothing is executed or loaded,
 * scripts, styles and page chrome (nav, aside, footer, forms, SVG…) are skipped, `<h1>`–`<h6>`
 * become headings, `<p>`, `<li>`, `<div>`… paragraphs, `<br>` a line break, a bold or
 * `<strong>` name at a paragraph's start (`<b>Dario Amodei:</b> …`) the speaker, `<title>` a
 * title when there is no heading. Character references are decoded.
 */
import { assemble, parseClock, stripLeadingTime, type SourceDraft, type Unit } from '../draft';
import { decodeEntities } from './entities';
import type { TextOptions } from './txt';

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'svg', 'math', 'iframe', 'object', 'canvas', 'audio', 'video',
  'nav', 'aside', 'footer', 'form', 'button', 'select',
]);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tr',
  'td', 'th', 'tbody', 'thead', 'tfoot', 'figure', 'figcaption', 'pre', 'hr', 'address', 'details', 'summary', 'body',
  'html', 'center', 'caption',
]);
const BOLD = new Set(['b', 'strong']);

interface Run {
  text: string;
  bold: boolean;
}

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/y;
const CLOCK = String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
const AFTER_NAME = new RegExp(String.raw`^\s*(?:[\[(](${CLOCK})[\])])?\s*[:：]?\s*`);

export interface HtmlText {
  units: Unit[];
  title?: string;
}

export function htmlUnits(html: string): HtmlText {
  const units: Unit[] = [];
  let title: string | undefined;
  let lines: Run[][] = [[]];
  let heading = false;
  let bold = 0;
  let pre = 0;

  const flush = () => {
    const texts = lines.map((runs) => runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim());
    if (heading) {
      const t = texts.filter(Boolean).join(' ');
      if (t) units.push({ text: t, heading: true });
    } else {
      lines.forEach((runs, i) => {
        const text = texts[i];
        if (!text) return;
        const first = runs.findIndex((r) => r.text.trim().length > 0);
        const lead = runs[first];
        if (lead?.bold) {
          // a bold run at the start: the speaker when a colon follows it (inside or after)
          let name = '';
          let k = first;
          while (k < runs.length && runs[k].bold) name += runs[k++].text;
          const after = runs.slice(k).map((r) => r.text).join('');
          const colonInside = /[:：]\s*$/.test(name);
          const colonAfter = /^\s*(?:[\[(][^\])]{1,12}[\])])?\s*[:：]/.test(after);
          const cleanName = name.replace(/\s+/g, ' ').replace(/[:：]\s*$/, '').trim();
          if ((colonInside || colonAfter) && cleanName.length > 0 && cleanName.length <= 40) {
            const m = AFTER_NAME.exec(after.replace(/\s+/g, ' ')) as RegExpExecArray;
            let rest = after.replace(/\s+/g, ' ').slice(m[0].length).trim();
            let time = m[1] ? parseClock(m[1]) : undefined;
            const t = stripLeadingTime(rest);
            if (t.time !== undefined) {
              rest = t.text;
              time ??= t.time;
            }
            units.push({ text: rest, speaker: cleanName, newTurn: true, time });
            return;
          }
        }
        units.push({ text, alone: lines.length === 1 });
      });
    }
    lines = [[]];
    heading = false;
  };

  let i = 0;
  let textStart = 0;
  const pushText = (raw: string) => {
    if (!raw) return;
    let text = decodeEntities(raw);
    if (pre > 0) {
      const parts = text.split('\n');
      parts.forEach((p, k) => {
        if (k > 0) lines.push([]);
        lines[lines.length - 1].push({ text: p, bold: bold > 0 });
      });
      return;
    }
    text = text.replace(/\s+/g, ' ');
    lines[lines.length - 1].push({ text, bold: bold > 0 });
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      pushText(html.slice(textStart, lt));
      const end = html.indexOf('-->', lt + 4);
      i = textStart = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      pushText(html.slice(textStart, lt));
      const end = html.indexOf('>', lt);
      i = textStart = end < 0 ? html.length : end + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      i = lt + 1; // a lone '<' is text
      continue;
    }
    pushText(html.slice(textStart, lt));
    i = textStart = TAG.lastIndex;
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    if (!closing && (SKIP.has(name) || name === 'title') && m[4] !== '/') {
      // skip to the matching end tag (raw text for script/style; whole subtree otherwise)
      const endRe = new RegExp(`</${name}\\s*>`, 'ig');
      let depth = 1;
      const openRe = new RegExp(`<${name}[\\s/>]`, 'ig');
      let pos = i;
      let end = -1;
      while (depth > 0) {
        endRe.lastIndex = pos;
        const e = endRe.exec(html);
        if (!e) break;
        if (name === 'script' || name === 'style' || name === 'title' || name === 'textarea') {
          end = e.index;
          pos = endRe.lastIndex;
          depth = 0;
          break;
        }
        openRe.lastIndex = pos;
        const o = openRe.exec(html);
        if (o && o.index < e.index) {
          depth++;
          pos = openRe.lastIndex;
        } else {
          depth--;
          end = e.index;
          pos = endRe.lastIndex;
        }
      }
      if (name === 'title' && end >= 0 && title === undefined) {
        title = decodeEntities(html.slice(i, end)).replace(/\s+/g, ' ').trim() || undefined;
      }
      i = textStart = end < 0 ? html.length : pos;
      continue;
    }
    if (/^h[1-6]$/.test(name)) {
      flush();
      if (!closing) heading = true;
      continue;
    }
    if (name === 'br') {
      lines.push([]);
      continue;
    }
    if (BOLD.has(name)) {
      bold = Math.max(0, bold + (closing ? -1 : m[4] === '/' ? 0 : 1));
      continue;
    }
    if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    if (BLOCK.has(name)) flush();
  }
  pushText(html.slice(textStart));
  flush();
  return { units, title };
}

export function parseHtml(html: string, opts: TextOptions = {}): SourceDraft {
  const { units, title } = htmlUnits(html);
  return assemble(units, {
    format: opts.format ?? 'html',
    title: opts.title,
    fallbackTitle: title,
    fileName: opts.fileName,
    url: opts.url,
    shortLineHeadings: false,
    warnings: opts.warnings,
    layout: 'html',
  });
}
