import { useState } from 'preact/hooks';
import type { Script } from '../view/model';
import { excerpt } from './excerpt';
import { useT } from './i18n-context';

interface Props {
  passage: string;
  start: number;
  end: number;
  script: Script;
  /** Characters of context shown around the span before "Show whole passage". */
  context?: number;
  /** BCP 47 language of a reader's source (the built-in transcript is Chinese in `script`). */
  language?: string;
}

/** The transcript paragraph with the matched span highlighted. Text nodes only (never HTML). */
export function Passage({ passage, start, end, script, context = 110, language }: Props) {
  const t = useT();
  const [whole, setWhole] = useState(false);
  const ex = whole
    ? { before: passage.slice(0, start), mark: passage.slice(start, end), after: passage.slice(end), cutBefore: false, cutAfter: false }
    : excerpt(passage, start, end, context);
  const cut = ex.cutBefore || ex.cutAfter;
  return (
    <div>
      <blockquote
        class="passage"
        data-testid="passage"
        lang={language && !language.startsWith('zh') ? language : script === 'simplified' ? 'zh-Hans' : 'zh-Hant'}
        aria-label={t('passageLabel')}
      >
        {ex.cutBefore && '…'}
        {ex.before}
        {ex.mark && <mark data-testid="passage-mark">{ex.mark}</mark>}
        {ex.after}
        {ex.cutAfter && '…'}
      </blockquote>
      {(cut || whole) && (
        <button type="button" class="more" aria-expanded={whole} onClick={() => setWhole(!whole)}>
          {whole ? t('showLess') : t('showWhole')}
        </button>
      )}
    </div>
  );
}
