/** @vitest-environment happy-dom */
/** Attribution as the press writes it (issue 19): each rule on sentences written for this test. */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/scan/find';
import { createAttribution, isSubject, speakerAfter, speakerBefore } from '../../src/scan/speaker';
import { BUILTIN_PEOPLE, peopleFromSpeakers } from '../../src/people/aliases';

async function scan(body: string, people = BUILTIN_PEOPLE) {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
  const r = await findQuotes(doc, { root: doc.body, people });
  return r.quotes.map((q) => [q.text, q.pageSpeaker.kind, q.pageSpeaker.name ?? '']);
}
const kinds = async (body: string) => (await scan(body)).map((q) => q[1]);

describe('names the press uses', () => {
  it('the Taiwanese 阿莫代 before and after, even where 阿莫代表示 reads like 代表', async () => {
    expect(await kinds('<p>阿莫代表示：「我們每天都在開發新技術，這一點從來沒有停過。」</p><p>「我沒有看到任何東西能阻礙這種規模化。」阿莫代說。</p>')).toEqual(['amodei', 'amodei']);
  });
  it('full names with any middle dot, Latin letters inside Chinese, titles', async () => {
    expect(
      await kinds(
        '<p>达里奥•阿莫迪指出：“我们正越来越多地走向可以自主使用这些模型的方向。”</p><p>Dario Amodei 直言：“我个人对他们正在做的事情相当看空。”</p><p>Anthropic 行政總裁稱：「我們拭目以待，時間會說明一切。」</p><p>“That is not a small amount of money for anyone,” the Anthropic chief said.</p>',
      ),
    ).toEqual(['amodei', 'amodei', 'amodei', 'amodei']);
  });
  it('Huang, his titles and his nickname are someone else; Daniela Amodei is not her brother', async () => {
    expect(
      await scan('<p>輝達執行長黃仁勳說：「每個國家都需要自己的 AI 基礎設施。」</p><p>老黄则表示：“芯片卖给谁，应该由市场决定。”</p><p>Daniela Amodei said: “We were willing to be small for a while.”</p>'),
    ).toEqual([
      ['每個國家都需要自己的 AI 基礎設施。', 'other', '黃仁勳'],
      ['芯片卖给谁，应该由市场决定。', 'other', '老黄'],
      ['We were willing to be small for a while.', 'other', 'Daniela Amodei'],
    ]);
  });
  it('a reader’s aliases name the speaker', async () => {
    const people = [...BUILTIN_PEOPLE, ...peopleFromSpeakers([{ id: 'sp1', name: 'Speaker A', main: true, aliases: ['甲先生'] }])];
    expect((await scan('<p>甲先生表示：「這是一句只有讀者知道是誰說的話。」</p>', people)).map((q) => q[1])).toEqual(['amodei']);
    expect(await kinds('<p>甲先生表示：「這是一句只有讀者知道是誰說的話。」</p>')).toEqual(['unknown']);
  });
});

describe('where the press puts the attribution', () => {
  it('split around the quote', async () => {
    expect(await scan('<p>Amodei spoke last.</p><p>“We are going to,” he said, “keep going no matter what the critics say.”</p>')).toEqual([
      ['We are going to', 'amodei', 'Amodei'],
      ['keep going no matter what the critics say.', 'amodei', 'Amodei'],
    ]);
  });
  it('in the next sentence: “…” — Kantrowitz pressed the point; 主持人追問', async () => {
    expect(await kinds('<p>Amodei talked about revenue.</p><p>“But what happens if the curve stops tomorrow?” — Kantrowitz pressed the point.</p>')).toEqual(['host']);
    expect(await kinds('<p>阿莫代談到了營收。</p><p>「如果曲線明天就停下來，你會怎麼辦？」主持人追問。</p>')).toEqual(['host']);
  });
  it('a colon lead wins over the next sentence', async () => {
    expect(await kinds('<p>主持人问道：“你怎么看待规模化的收益递减？”阿莫迪对此笑而不答，只说公司一直在开发新方法。</p>')).toEqual(['host']);
  });
  it('whose words a quoting verb names: read out Huang’s remark, 转述了老黄的原话, a quote inside a quote', async () => {
    expect(await scan('<p>Kantrowitz read out Huang’s remark: “He wants to control the whole industry, and everyone knows it.”</p>')).toEqual([
      ['He wants to control the whole industry, and everyone knows it.', 'other', 'Huang'],
    ]);
    expect((await scan('<p>英伟达 CEO 黄仁勋此前批评阿莫迪，主持人在节目中转述了这段话：“他想控制整个行业，这谁都知道。”</p>'))[0][1]).toBe('other');
    expect(await kinds('<p>Amodei said: “People told me, ‘you are a doomer,’ and I got very angry about it.”</p>')).toEqual(['amodei']);
  });
  it('“Amodei’s reply:” and “阿莫迪的回答很直接” name the speaker, not whoever the sentence named first', async () => {
    expect(await kinds('<p>Nvidia’s Jensen Huang said as much, and Amodei’s reply was not diplomatic: “That is the most outrageous lie I have heard.”</p>')).toEqual(['amodei']);
    expect(await kinds('<p>主持人问道：“他们有海量的 GPU，你不低估这一点吗？”</p><p>阿莫迪的回答相当直接。“我们拭目以待，我个人相当看空。”</p>')).toEqual(['host', 'amodei']);
  });
  it('the one spoken to is not the speaker', () => {
    expect(speakerBefore('阿莫迪对主持人说：')?.speaker?.kind).toBe('amodei');
    expect(speakerBefore('阿莫迪告訴主持人：')?.speaker?.kind).toBe('amodei');
  });
});

describe('pronouns and role nouns', () => {
  it('he / 他 / 這位執行長 / the CEO / the 42-year-old: the last person named', async () => {
    expect(
      await kinds(
        '<p>Anthropic 執行長阿莫代接受了專訪。</p><p>這位執行長說：「我們沒有看到任何收益遞減。」</p><p>他補充：「指數曲線仍在繼續，這是我的判斷。」</p>',
      ),
    ).toEqual(['amodei', 'amodei']);
    expect(await kinds('<p>Dwarkesh Patel thinks otherwise.</p><p>Amodei, 42, disagrees. The 42-year-old was unmoved. “Even so, the potential is enormous,” he said.</p>')).toEqual(['amodei']);
  });
  it('他 is the subject of the sentence before, not its object', async () => {
    expect(await kinds('<p>主持人 Alex Kantrowitz 先发问。他列举了阿莫迪的种种举动。随后他问道：“你这是怎么了？”</p>')).toEqual(['host']);
  });
  it('他 right after the host’s question is the one answering', async () => {
    expect(await kinds('<p>阿莫代談到程式碼。</p><p>Kantrowitz 追問：「它為什麼這麼好？」</p><p>他笑著說：「我們不怎麼對外談論這件事。」</p>')).toEqual(['host', 'amodei']);
  });
  it('she is never Amodei or the host', async () => {
    expect(await scan('<p>Amodei spoke first.</p><p>A labour economist at a European university was more cautious. “We have heard these predictions with every wave of automation,” she said.</p>')).toEqual([
      ['We have heard these predictions with every wave of automation', 'other', 'she'],
    ]);
  });
});

describe('someone else, and nobody', () => {
  it('a spokesperson, the company, an unnamed analyst are someone else', async () => {
    expect(
      await kinds(
        '<p>“We have nothing further to add to these remarks,” an Anthropic spokesperson said.</p><p>The company said: “Dario’s comments speak for themselves in every way.”</p><p>一位不愿具名的高管对记者表示：“两家都有自己的商业考虑。”</p><p>Anthropic 發言人回覆：「公司不對個別報導發表評論。」</p>',
      ),
    ).toEqual(['other', 'other', 'other', 'other']);
  });
  it('a quote above “An Anthropic spokesperson later said” stays his', async () => {
    expect(await kinds('<p>Amodei was blunt. “I have never said anything like that at all.” An Anthropic spokesperson later said the company had no comment.</p>')).toEqual(['amodei']);
  });
  it('attributed to / 安在…頭上 / according to', async () => {
    expect(await kinds('<p>網路上有人把一句「我們已經在內部實現了持續學習」安在 Amodei 頭上。</p><p>“Open models are a threat to everyone,” according to Amodei, in one viral post.</p>')).toEqual(['amodei', 'amodei']);
  });
  it('when the page names nobody the speaker is unknown', async () => {
    expect(await kinds('<p>The line that stuck with me: “I understand better than anyone how urgent these benefits are.”</p>')).toEqual(['unknown']);
    expect(await kinds('<p>網友流傳的一句話：「人工智慧終將取代所有的工程師。」</p>')).toEqual(['unknown']);
  });
});

describe('helpers', () => {
  it('a subject heads its clause; an object does not', () => {
    const t = '他列举了阿莫迪的举动。Asked by Kantrowitz, Amodei said no.';
    expect(isSubject(t, t.indexOf('他'))).toBe(true);
    expect(isSubject(t, t.indexOf('阿莫迪'))).toBe(false);
    expect(isSubject(t, t.indexOf('Kantrowitz'))).toBe(false);
    expect(isSubject(t, t.indexOf('Amodei'))).toBe(true);
  });
  it('speakerAfter stays within a tag and bad input never throws', () => {
    expect(speakerAfter(' said the CEO.')?.text).toBe('the CEO');
    expect(speakerAfter('。網友留言說好')).toBeNull();
    const a = createAttribution([]);
    expect(a.speakerBefore('阿莫迪表示：')).toBeNull();
    for (const junk of ['', '“'.repeat(500), '他'.repeat(2000), 'said '.repeat(400)]) {
      expect(() => speakerBefore(junk)).not.toThrow();
      expect(() => speakerAfter(junk)).not.toThrow();
    }
  });
});
