import type { DraftPart, SourceDraft } from '../sources/draft';
import type { SplitChoice } from '../sources/split-draft';
import { countText } from './counts';
import { useT } from './i18n-context';
import { languageKnown } from './preview-checks';

export type PartsChoice = SplitChoice;

interface Props {
  draft: SourceDraft;
  parts: [DraftPart, DraftPart];
  choice: PartsChoice;
  onChoice(choice: PartsChoice): void;
  onSavePair(): void;
  busy: boolean;
}

const START = 90;

/**
 * A file that holds a text and its translation one after the other: the two parts (language,
 * paragraphs, first words), which one is the original, a title for each, and a button that
 * stores them as two sources, the translation paired with its original.
 */
export function SourceParts({ draft, parts, choice, onChoice, onSavePair, busy }: Props) {
  const t = useT();
  const byId = new Map(draft.paragraphs.map((p) => [p.id, p]));
  const set = (patch: Partial<PartsChoice>) => onChoice({ ...choice, ...patch });
  const ready = choice.titles.every((x) => x.trim()) && choice.languages.every(languageKnown);
  return (
    <fieldset class="parts" data-testid="preview-parts">
      <legend>{t('sourcesPartsHeading')}</legend>
      <p class="help">{t('sourcesPartsHelp')}</p>
      <ol>
        {parts.map((part, i) => {
          const texts = part.paragraphIds.map((id) => byId.get(id)).filter((p) => p && p.kind !== 'heading');
          const first = texts[0]?.text ?? '';
          const start = first.length > START ? `${first.slice(0, START)}…` : first;
          return (
            <li key={i} class="part" data-testid="preview-part" data-language={part.language}>
              <p class="part-head">
                <strong>{t('sourcesPartLabel', i + 1)}</strong> · <span lang="en">{choice.languages[i]}</span> · {countText(t, 'sourcesParagraphs', part.paragraphIds.length)}
              </p>
              <p class="part-start" lang={choice.languages[i]}>
                {t('sourcesPartStarts', start)}
              </p>
              <div class="part-fields">
                <label class="field">
                  <span>{t('sourcesFieldTitle')}</span>
                  <input
                    type="text"
                    data-testid="preview-part-title"
                    value={choice.titles[i]}
                    onInput={(e) => set({ titles: choice.titles.map((x, k) => (k === i ? (e.currentTarget as HTMLInputElement).value : x)) })}
                  />
                </label>
                <label class="field">
                  <span>{t('sourcesFieldLanguage')}</span>
                  <input
                    type="text"
                    list="source-languages"
                    data-testid="preview-part-language"
                    value={choice.languages[i]}
                    onInput={(e) => set({ languages: choice.languages.map((x, k) => (k === i ? (e.currentTarget as HTMLInputElement).value : x)) })}
                  />
                </label>
                <label class="part-original">
                  <input type="radio" name="part-original" data-testid="preview-part-original" checked={choice.original === i} onChange={() => set({ original: i })} />{' '}
                  {t('sourcesPartOriginal')}
                </label>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" data-testid="source-save-pair" disabled={busy || !ready} onClick={onSavePair}>
        {t('sourcesSavePair')}
      </button>
    </fieldset>
  );
}
