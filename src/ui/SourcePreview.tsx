import { useEffect, useRef, useState } from 'preact/hooks';
import { isGenericName, type SourceDraft } from '../sources/draft';
import { likelyOriginal, pairParts, splitDraft } from '../sources/split-draft';
import type { FileInfo } from '../ext/sources-page';
import { formatTime } from '../view/recording';
import { countText, formatSize, uiLocale } from './counts';
import { useT } from './i18n-context';
import { saveProblems } from './preview-checks';
import { SourceParts, type PartsChoice } from './SourceParts';

interface Props {
  draft: SourceDraft;
  onChange(draft: SourceDraft): void;
  /** Sources this one may be a translation of (the built-in one first). */
  originals: Array<{ id: string; title: string }>;
  onSave(): void;
  /** Stores the file's two language parts as a translation pair (offered when the parser found two). */
  onSavePair?(split: { original: SourceDraft; translation: SourceDraft }): void;
  onCancel(): void;
  busy: boolean;
  /** The file the draft was read from (name, size, whether its HTML was read as an article). */
  file?: FileInfo;
}

const SHOWN = 12;
/** The localized name of a layout id (`podcast-links` → `layout_podcast_links`), else the id itself. */
function layoutName(t: (k: string) => string, layout: string): string {
  const key = `layout_${layout.replace(/[^A-Za-z0-9]/g, '_')}`;
  const s = t(key);
  return s === key ? layout : s;
}

/**
 * The parsed result before saving: the reader corrects the title, date, links, language, kind,
 * "translation of", the speakers' names (asked for when the file labels them only "Speaker 1",
 * "Interviewer"…) and which one is the main speaker, sees the layout Verbatim recognised, what it
 * was unsure of, and the first paragraphs as it read them (text only, never HTML). A file holding
 * a text and its translation can be stored as a pair. Save waits, saying why, for a title, a
 * language and a well-formed date.
 */
export function SourcePreview({ draft, onChange, originals, onSave, onSavePair, onCancel, busy, file }: Props) {
  const t = useT();
  const locale = uiLocale(t);
  const heading = useRef<HTMLHeadingElement>(null);
  // The control that opened the preview (file input, Read button) is gone: start reading here.
  useEffect(() => heading.current?.focus(), []);
  // The labels the file gave generic speakers, kept while the reader types their names.
  const [asked] = useState(() => new Map(draft.speakers.filter((s) => s.generic).map((s) => [s.id, s.name])));
  const parts = pairParts(draft);
  const [choice, setChoice] = useState<PartsChoice | null>(() =>
    parts
      ? {
          original: likelyOriginal(parts),
          titles: parts.map((p, i) => (i === likelyOriginal(parts) ? draft.title : `${draft.title} (${p.language})`)),
          languages: parts.map((p) => p.language),
        }
      : null,
  );
  const set = (patch: Partial<SourceDraft>) => onChange({ ...draft, ...patch });
  const names = new Map(draft.speakers.map((s) => [s.id, s.name]));
  const problems = saveProblems(draft);
  const field = (id: 'title' | 'date' | 'url' | 'recordingUrl', label: string, inputMode: 'text' | 'url' = 'text', placeholder?: string, invalid?: boolean) => (
    <label class="field">
      <span>{label}</span>
      <input
        type="text"
        inputMode={inputMode}
        data-testid={`preview-${id}`}
        value={String(draft[id] ?? '')}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'save-why' : undefined}
        onInput={(e) => set({ [id]: (e.currentTarget as HTMLInputElement).value } as Partial<SourceDraft>)}
      />
    </label>
  );
  const speakerCount = draft.speakers.length ? countText(t, 'sourcesSpeakerCount', draft.speakers.length) : t('sourcesNoSpeakerNames');
  const languageMissing = problems.includes('sourcesLanguageNeeded');
  return (
    <section class="preview" data-testid="source-preview" aria-labelledby="preview-h">
      <h2 id="preview-h" tabIndex={-1} ref={heading}>{t('sourcesPreviewHeading')}</h2>
      <p class="help" data-testid="preview-summary">{t('sourcesPreviewHelp', countText(t, 'sourcesParagraphs', draft.paragraphs.length), speakerCount)}</p>
      {file && (
        <p class="help" data-testid="preview-file">
          {t('sourcesFileInfo', file.name, formatSize(file.size, locale))}
        </p>
      )}
      {draft.encoding && <p class="help" data-testid="preview-encoding">{t('sourcesEncoding', draft.encoding)}</p>}
      {draft.layout && (
        <p class="help" data-testid="preview-layout" data-layout={draft.layout}>
          {t('sourcesLayout', layoutName(t, draft.layout))}
        </p>
      )}
      {file?.extracted && (
        <p class="help" data-testid="preview-extracted">
          {t('sourcesExtracted')}
        </p>
      )}
      {draft.warnings.length > 0 && (
        <ul class="warnings" aria-label={t('sourcesWarningsLabel')}>
          {draft.warnings.map((w, i) => (
            <li key={i} class="note warn" data-testid="preview-warning">
              {w}
            </li>
          ))}
        </ul>
      )}
      <div class="fields">
        {field('title', t('sourcesFieldTitle'), 'text', undefined, problems.includes('sourcesTitleNeeded'))}
        {field('date', t('sourcesFieldDate'), 'text', 'yyyy-mm-dd', problems.includes('sourcesDateInvalid'))}
        {field('url', t('sourcesFieldUrl'), 'url', 'https://')}
        {field('recordingUrl', t('sourcesFieldRecording'), 'url', 'https://www.youtube.com/watch?v=…')}
        <label class="field">
          <span>{t('sourcesFieldLanguage')}</span>
          <input
            type="text"
            list="source-languages"
            data-testid="preview-language"
            value={languageMissing && /^und\b/i.test(draft.language) ? '' : draft.language}
            placeholder="en, zh-Hans, zh-Hant"
            aria-invalid={languageMissing || undefined}
            aria-describedby={languageMissing ? 'save-why' : undefined}
            onInput={(e) => set({ language: (e.currentTarget as HTMLInputElement).value })}
          />
          <datalist id="source-languages">
            <option value="en" />
            <option value="zh-Hans" />
            <option value="zh-Hant" />
          </datalist>
        </label>
        <label class="field">
          <span>{t('sourcesFieldKind')}</span>
          <select data-testid="preview-kind" value={draft.kind} onChange={(e) => set({ kind: (e.currentTarget as HTMLSelectElement).value as SourceDraft['kind'] })}>
            <option value="original">{t('kind_original')}</option>
            <option value="translation">{t('kind_translation')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('sourcesFieldTranslationOf')}</span>
          <select
            data-testid="preview-translation-of"
            value={draft.translationOf ?? ''}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              set({ translationOf: v || undefined, ...(v ? { kind: 'translation' as const } : {}) });
            }}
          >
            <option value="">{t('sourcesNone')}</option>
            {originals.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {draft.speakers.length > 0 && (
        <fieldset class="speakers">
          <legend>{t('sourcesSpeakers')}</legend>
          {asked.size > 0 && (
            <p class="note warn" id="speakers-ask" data-testid="preview-speakers-ask">
              {t('sourcesGenericSpeakers')}
            </p>
          )}
          {draft.speakers.map((s, i) => {
            const label = asked.get(s.id);
            const inputId = `speaker-${s.id}`;
            return (
              <div class={`speaker-row${label !== undefined ? ' ask' : ''}`} key={s.id} data-testid="preview-speaker" data-generic={s.generic ? 'true' : undefined}>
                {label !== undefined && (
                  <label for={inputId} class="ask-label" data-testid="preview-speaker-question">
                    {t('sourcesSpeakerAsk', label)}
                  </label>
                )}
                <input
                  id={inputId}
                  type="text"
                  aria-label={label !== undefined ? undefined : t('sourcesSpeakerName', i + 1)}
                  aria-describedby={label !== undefined ? 'speakers-ask' : undefined}
                  data-testid="preview-speaker-name"
                  value={s.name}
                  onInput={(e) => {
                    const name = (e.currentTarget as HTMLInputElement).value;
                    set({
                      speakers: draft.speakers.map((x) => {
                        if (x.id !== s.id) return x;
                        // Named by the reader: no longer a label that names no one.
                        const { generic: _g, ...named } = x;
                        return name.trim() && !isGenericName(name) ? { ...named, name } : { ...x, name };
                      }),
                    });
                  }}
                />
                <label>
                  <input
                    type="radio"
                    name="main-speaker"
                    data-testid="preview-main-speaker"
                    checked={s.main}
                    onChange={() => set({ speakers: draft.speakers.map((x) => ({ ...x, main: x.id === s.id })) })}
                  />{' '}
                  {t('sourcesMainSpeaker')}
                </label>
              </div>
            );
          })}
        </fieldset>
      )}
      {parts && choice && onSavePair && (
        <SourceParts
          draft={draft}
          parts={parts}
          choice={choice}
          onChoice={setChoice}
          busy={busy}
          onSavePair={() => {
            const split = splitDraft(draft, choice);
            if (split) onSavePair(split);
          }}
        />
      )}
      {/* Scrolls: focusable so that the keyboard can scroll it too. */}
      <ol class="preview-paragraphs" lang={draft.language} tabIndex={0} aria-label={t('sourcesPreviewParagraphsLabel')} data-testid="preview-paragraphs">
        {draft.paragraphs.slice(0, SHOWN).map((p) => (
          <li key={p.id} data-testid="preview-paragraph" class={p.kind}>
            {typeof p.time === 'number' && <span class="time">{formatTime(p.time)} </span>}
            {p.speakerId && <span class="who">{names.get(p.speakerId) ?? p.speakerId}: </span>}
            {p.text}
          </li>
        ))}
      </ol>
      {draft.paragraphs.length > SHOWN && <p class="help" data-testid="preview-more">{countText(t, 'sourcesMoreParagraphs', draft.paragraphs.length - SHOWN)}</p>}
      {problems.length > 0 && (
        <p class="note warn" id="save-why" data-testid="save-why">
          {problems.map((k) => t(k)).join(' ')}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="source-save"
          disabled={busy || problems.length > 0}
          aria-describedby={problems.length > 0 ? 'save-why' : undefined}
          onClick={onSave}
        >
          {t('sourcesSave')}
        </button>
        <button type="button" data-testid="source-cancel" onClick={onCancel}>
          {t('sourcesCancel')}
        </button>
      </div>
    </section>
  );
}
