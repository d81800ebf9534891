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
const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'source', 'wbr', 'area', 'col', 'embed', 'track', 'param', 'base']);
/**
 * Page chrome a saved page carries around the article (what Readability drops for *Add this
 * page*): cookie and consent notices, logos, menus, share and newsletter boxes. Told by class,
 * id, role or label; a wrapper holding most of the page's text is never skipped for its name.
 */
const CHROME_WORDS = String.raw`cookies?|consent|gdpr|privacy-banner|banner|logo|brand(?:ing)?|navbar|nav|navigation|menu|masthead|breadcrumbs?|newsletter|subscribe|signup|sign-up|share|sharing|social|related|promo|advert(?:isement)?|ads?|sidebar|skip-link|site-header|site-footer|comments?|popup|modal|toolbar`;
const CHROME_TOKEN = new RegExp(String.raw`^(?:[\w-]*[_-])?(?:${CHROME_WORDS})(?:[_-][\w-]*)?$`, 'i');
const CHROME_ROLE = /^(banner|navigation|contentinfo|complementary|dialog|alertdialog|search|menu|menubar)$/i;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;

function isChrome(attrs: string): boolean {
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(attrs); m; m = ATTR.exec(attrs)) {
    const name = m[1].toLowerCase();
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if ((name === 'class' || name === 'id') && value.split(/\s+/).some((t) => CHROME_TOKEN.test(t) && !/^(has|with|no)-/i.test(t))) return true;
    if (name === 'role' && CHROME_ROLE.test(value.trim())) return true;
    if (name === 'aria-label' && /cookie|consent|navigation|menu/i.test(value)) return true;
  }
  return false;
}

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

  // the page's text length, to keep wrappers whose class only sounds like chrome
  const pageText = html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').length;
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
    const chrome = !closing && m[4] !== '/' && !VOID.has(name) && !SKIP.has(name) && name !== 'title' && name !== 'body' && name !== 'html' && isChrome(m[3]);
    if (!closing && (SKIP.has(name) || name === 'title' || chrome) && m[4] !== '/') {
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
      if (chrome && end >= 0 && html.slice(i, end).replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').length > pageText * 0.4) {
        // a wrapper ("site-wrapper has-sidebar" holding the article): read it
        if (BLOCK.has(name)) flush();
        continue;
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
