import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/sources/language';

describe('detectLanguage', () => {
  it('tells English, Simplified and Traditional Chinese, Japanese and Korean apart', () => {
    expect(detectLanguage('I think the curve has bumps in it, but it has not bent.').language).toBe('en');
    expect(detectLanguage('我非常不喜欢这个词。我并不是在预言末日，而是说风险真实存在。').language).toBe('zh-Hans');
    expect(detectLanguage('我非常不喜歡這個詞。我並不是在預言末日，而是說風險真實存在。').language).toBe('zh-Hant');
    expect(detectLanguage('私はその言葉が本当に嫌いです。').language).toBe('ja');
    expect(detectLanguage('저는 그 단어를 정말 싫어합니다.').language).toBe('ko');
  });

  it('names only the script when the language is not known, und when nothing is', () => {
    expect(detectLanguage('Je n’aime vraiment pas ce mot, je ne prédis pas la catastrophe.').language).toBe('und-Latn');
    expect(detectLanguage('Мне очень не нравится это слово.').language).toBe('und-Cyrl');
    expect(detectLanguage('12345 !!! ...').language).toBe('und');
  });

  it('a mostly Chinese text with English names stays Chinese', () => {
    expect(detectLanguage('Dario Amodei 说，Anthropic 的收入每年增长十倍，这是 Scaling Laws 的结果。').language).toBe('zh-Hans');
  });
});
