import { useEffect, useRef } from 'preact/hooks';
import type { SourceDraft } from '../sources/draft';
import { formatTime } from '../ext/recording';
import { useT } from './i18n-context';

interface Props {
  draft: SourceDraft;
  onChange(draft: SourceDraft): void;
  /** Sources this one may be a translation of (the built-in one first). */
  originals: Array<{ id: string; title: string }>;
  onSave(): void;
  onCancel(): void;
  busy: boolean;
}

const SHOWN = 12;

/**
 * The parsed result before saving: the reader corrects the title, date, links, language, kind,
 * "translation of", the speakers' names and which one is the main speaker, and sees the first
 * paragraphs as Verbatim read them (text only, never HTML).
 */
export function SourcePreview({ draft, onChange, originals, onSave, onCancel, busy }: Props) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // The control that opened the preview (file input, Read button) is gone: start reading here.
  useEffect(() => heading.current?.focus(), []);
  const set = (patch: Partial<SourceDraft>) => onChange({ ...draft, ...patch });
  const names = new Map(draft.speakers.map((s) => [s.id, s.name]));
  const field = (id: 'title' | 'date' | 'url' | 'recordingUrl', label: string, inputMode: 'text' | 'url' = 'text', placeholder?: string) => (
    <label class="field">
      <span>{label}</span>
      <input
        type="text"
        inputMode={inputMode}
        data-testid={`preview-${id}`}
        value={String(draft[id] ?? '')}
        placeholder={placeholder}
        onInput={(e) => set({ [id]: (e.currentTarget as HTMLInputElement).value } as Partial<SourceDraft>)}
      />
    </label>
  );
  return (
    <section class="preview" data-testid="source-preview" aria-labelledby="preview-h">
      <h2 id="preview-h" tabIndex={-1} ref={heading}>{t('sourcesPreviewHeading')}</h2>
      <p class="help">{t('sourcesPreviewHelp', draft.paragraphs.length, draft.speakers.length)}</p>
      {draft.encoding && <p class="help" data-testid="preview-encoding">{t('sourcesEncoding', draft.encoding)}</p>}
      {draft.warnings.map((w, i) => (
        <p key={i} class="note warn" data-testid="preview-warning">
          {w}
        </p>
      ))}
      <div class="fields">
        {field('title', t('sourcesFieldTitle'))}
        {field('date', t('sourcesFieldDate'), 'text', 'yyyy-mm-dd')}
        {field('url', t('sourcesFieldUrl'), 'url', 'https://')}
        {field('recordingUrl', t('sourcesFieldRecording'), 'url', 'https://www.youtube.com/watch?v=…')}
        <label class="field">
          <span>{t('sourcesFieldLanguage')}</span>
          <input type="text" list="source-languages" data-testid="preview-language" value={draft.language} onInput={(e) => set({ language: (e.currentTarget as HTMLInputElement).value })} />
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
          {draft.speakers.map((s) => (
            <div class="speaker-row" key={s.id} data-testid="preview-speaker">
              <input
                type="text"
                aria-label={t('sourcesSpeakerName', s.id)}
                data-testid="preview-speaker-name"
                value={s.name}
                onInput={(e) => {
                  const name = (e.currentTarget as HTMLInputElement).value;
                  set({ speakers: draft.speakers.map((x) => (x.id === s.id ? { ...x, name } : x)) });
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
          ))}
        </fieldset>
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
      {draft.paragraphs.length > SHOWN && <p class="help">{t('sourcesMoreParagraphs', draft.paragraphs.length - SHOWN)}</p>}
      <div class="actions">
        <button type="button" class="primary" data-testid="source-save" disabled={busy || !draft.title.trim()} onClick={onSave}>
          {t('sourcesSave')}
        </button>
        <button type="button" data-testid="source-cancel" onClick={onCancel}>
          {t('sourcesCancel')}
        </button>
      </div>
    </section>
  );
}
