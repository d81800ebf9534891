/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/scan/find';
import { scanQuoteMarks, isShortQuote } from '../../src/scan/quote-marks';
import { findIndirect, speakerAfter, speakerBefore } from '../../src/scan/speaker';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}
async function scan(body: string) {
  const doc = page(body);
  const r = await findQuotes(doc, { root: doc.body });
  return r.quotes.map((q) => ({ text: q.text, speaker: q.pageSpeaker.kind, name: q.pageSpeaker.name, kind: q.kind, n: q.occurrences.length }));
}

describe('quotation marks', () => {
  it('pairs curly, corner and straight quotes; apostrophes are not quotes', () => {
    const t = 'He said “it’s real” and 「真的」 and "plain one" but Amodei’s view, don’t.';
    const qs = scanQuoteMarks(t).map((q) => t.slice(q.start, q.end));
    expect(qs).toEqual(['it’s real', '真的', 'plain one']);
  });
  it('a nested quote belongs to the outer one', () => {
    const t = '“I told them ‘no way’ and left,” he said. 「他说『不』。」';
    expect(scanQuoteMarks(t).map((q) => t.slice(q.start, q.end))).toEqual(['I told them ‘no way’ and left,', '他说『不』。']);
  });
  it('single quotes used as quotes open at a word start and close at a word end', () => {
    const t = 'He called it ‘a race to the bottom’ in the ’90s sense.';
    expect(scanQuoteMarks(t).map((q) => t.slice(q.start, q.end))).toEqual(['a race to the bottom']);
  });
  it('short scare quotes are short', () => {
    expect(isShortQuote('doomer')).toBe(true);
    expect(isShortQuote('末日论者')).toBe(true);
    expect(isShortQuote('I get very angry')).toBe(false);
    expect(isShortQuote('我认为唯一真实的东西')).toBe(false);
  });
});

describe('speech tags', () => {
  it('after the closing mark', () => {
    expect(speakerAfter(' he said.')?.text).toBe('he');
    expect(speakerAfter(' said Amodei.')?.speaker?.kind).toBe('amodei');
    expect(speakerAfter('阿莫迪说。')?.speaker?.kind).toBe('amodei');
    expect(speakerAfter(',主持人问道。')?.speaker?.kind).toBe('host');
    expect(speakerAfter(' Mark Zuckerberg said.')?.speaker).toEqual({ kind: 'other', name: 'Mark Zuckerberg' });
    expect(speakerAfter(' and then the talk moved on.')).toBeNull();
  });
  it('before the quote: the subject of the speech verb', () => {
    expect(speakerBefore('Amodei told Kantrowitz: ')?.speaker?.kind).toBe('amodei');
    expect(speakerBefore('当被问及英伟达首席执行官黄仁勋对他的批评时,阿莫迪回应:')?.speaker?.kind).toBe('amodei');
    expect(speakerBefore('他表示:')?.speaker).toBeNull();
  });
  it('indirect speech', () => {
    const t = 'Amodei argued that export controls are the most important policy lever we have. 阿莫迪表示,人工智能可能在五年内让一半入门级白领工作消失。';
    expect(findIndirect(t).map((q) => t.slice(q.start, q.end))).toEqual([
      'export controls are the most important policy lever we have',
      '人工智能可能在五年内让一半入门级白领工作消失',
    ]);
  });
});

describe('findQuotes on a page', () => {
  it('quotes across links and inline elements, <q>, <blockquote> with cite, indirect speech', async () => {
    const r = await scan(`
      <p>Dario Amodei said: “I think the only thing <a href="#">that is real</a> is the <em>exponential</em>.”</p>
      <p>The host asked <q>What would you do with ten million Nobel laureates?</q> and waited.</p>
      <blockquote><p>We see it as our responsibility to warn the world.</p><cite>— Dario Amodei</cite></blockquote>
      <p>Kantrowitz argued that the hiring race has gone too far for everyone involved.</p>`);
    expect(r).toEqual([
      { text: 'I think the only thing that is real is the exponential.', speaker: 'amodei', name: 'Dario Amodei', kind: 'marks', n: 1 },
      { text: 'What would you do with ten million Nobel laureates?', speaker: 'host', name: 'The host', kind: 'q', n: 1 },
      { text: 'We see it as our responsibility to warn the world.', speaker: 'amodei', name: 'Dario Amodei', kind: 'blockquote', n: 1 },
      { text: 'the hiring race has gone too far for everyone involved', speaker: 'host', name: 'Kantrowitz', kind: 'indirect', n: 1 },
    ]);
  });

  it('"he" after an Amodei sentence is Amodei; a continuing paragraph keeps the speaker; others are named', async () => {
    const r = await scan(`
      <p>Anthropic’s chief executive, Dario Amodei, spoke for an hour.</p>
      <p>“I get very angry when people call me a doomer,” he said.</p>
      <p>“Someone says this guy wants to slow things down.”</p>
      <p>Mark Zuckerberg said: “We will build superintelligence for everyone soon.”</p>
      <p>Critics call it “hype” and nothing more.</p>`);
    expect(r.map((q) => [q.speaker, q.name])).toEqual([
      ['amodei', 'Dario Amodei'],
      ['amodei', 'Dario Amodei'],
      ['other', 'Mark Zuckerberg'],
    ]);
  });

  it('a pull quote repeated is one quote in two places; comments, menus and asides are skipped', async () => {
    const r = await scan(`
      <nav><p>“Menu quote that must be skipped entirely”</p></nav>
      <p>阿莫迪说:“那是我听过最无耻、最离谱的谎言。”</p>
      <aside class="pull-quote"><p>“那是我听过最无耻、最离谱的谎言。”</p></aside>
      <div class="comments"><p>网友:“这是评论区里的引语,不应被找到。”</p></div>
      <aside><p>“An aside quote that is not the article”</p></aside>`);
    expect(r).toEqual([{ text: '那是我听过最无耻、最离谱的谎言。', speaker: 'amodei', name: '阿莫迪', kind: 'marks', n: 2 }]);
  });

  it('the host is the host in Chinese too, and the Readability root excludes the page furniture', async () => {
    const doc = page(`
      <div class="menu"><a>首页</a> “菜单里的引语不算数的一句话”</div>
      <div id="story"><p>节目一开始,主持人坎特罗维茨就说:“你一直被称为末日论者,你怎么看?”</p>
      <p>${'背景段落,文字足够长以便正文识别。'.repeat(20)}</p>
      <p>阿莫迪回答:“我认为唯一真实的东西,就是那条指数曲线。”</p></div>
      <div class="footer">“页脚里的引语也不算数的一句话”</div>`);
    const r = await findQuotes(doc);
    expect(r.quotes.map((q) => [q.text, q.pageSpeaker.kind])).toEqual([
      ['你一直被称为末日论者,你怎么看?', 'host'],
      ['我认为唯一真实的东西,就是那条指数曲线。', 'amodei'],
    ]);
  });

  it('offsets refer to the article text', async () => {
    const doc = page('<p>He said “one two three four.”</p><p>Amodei said “five six seven eight.”</p>');
    const r = await findQuotes(doc, { root: doc.body });
    for (const q of r.quotes) expect(r.text.slice(q.occurrences[0].articleStart, q.occurrences[0].articleEnd)).toBe(q.text);
  });
});

describe('DOM text', () => {
  it('walks into open shadow roots and maps offsets back to live text nodes; a changed node gives no range', async () => {
    const { collectBlocks, locate } = await import('../../src/scan/dom-text');
    const doc = page('<p id="a">Amodei said: “one <b>two</b> three four five.”</p><div id="host"></div>');
    const host = doc.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    const p = doc.createElement('p');
    p.textContent = '他说:“我们视自己有责任去就即将发生的事情向世界发出警告。”';
    root.appendChild(p);
    const r = await findQuotes(doc, { root: doc.body });
    expect(r.quotes.map((q) => q.text)).toEqual(['one two three four five.', '我们视自己有责任去就即将发生的事情向世界发出警告。']);
    const occ = r.quotes[0].occurrences[0];
    const at = locate(occ.block, occ.start, occ.end)!;
    expect(at.startNode.data.slice(at.startOffset)).toBe('one ');
    expect(at.endNode.data.slice(0, at.endOffset)).toBe(' three four five.');
    (at.endNode as Text).data = ' three four five and six.”';
    expect(locate(occ.block, occ.start, occ.end)).toBeNull();
    (at.endNode as Text).data = ' three four five.”';
    expect(locate(occ.block, occ.start, occ.end)).not.toBeNull();
    doc.getElementById('a')!.remove();
    expect(locate(occ.block, occ.start, occ.end)).toBeNull();
    expect(collectBlocks(doc.body).length).toBe(1);
  });
});
