import { useState } from 'preact/hooks';
import type { SourcePatch, SourceSummary } from '../store/sources-store';
import { useT } from './i18n-context';
import { parseAliases } from '../people/aliases';

interface Props {
  source: Pick<SourceSummary, 'id' | 'title' | 'language' | 'date' | 'url' | 'recordingUrl' | 'translationOf' | 'speakers'>;
  /** The built-in source: only "translation of" can change. */
  builtin?: boolean;
  originals: Array<{ id: string; title: string }>;
  onSave(patch: SourcePatch): void;
  onCancel(): void;
}

/** Corrects a saved source: title, date, links, language, "translation of", speaker names, their other names (aliases) and the main speaker. */
export function SourceEdit({ source: s, builtin, originals, onSave, onCancel }: Props) {
  const t = useT();
  const [v, setV] = useState({
    title: s.title,
    date: s.date ?? '',
    url: s.url ?? '',
    recordingUrl: s.recordingUrl ?? '',
    language: s.language,
    translationOf: s.translationOf ?? '',
    names: Object.fromEntries(s.speakers.map((sp) => [sp.id, sp.name])) as Record<string, string>,
    main: s.speakers.find((sp) => sp.main)?.id ?? '',
    aliases: Object.fromEntries(s.speakers.map((sp) => [sp.id, (sp.aliases ?? []).join(', ')])) as Record<string, string>,
  });
  const input = (key: 'title' | 'date' | 'url' | 'recordingUrl' | 'language', label: string) => (
    <label class="field">
      <span>{label}</span>
      <input type="text" data-testid={`edit-${key}`} value={v[key]} onInput={(e) => setV({ ...v, [key]: (e.currentTarget as HTMLInputElement).value })} />
    </label>
  );
  return (
    <form
      class="preview edit"
      data-testid="source-edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        const translationOf = v.translationOf || null;
        if (builtin) return onSave({ translationOf });
        onSave({
          title: v.title,
          date: v.date || null,
          url: v.url || null,
          recordingUrl: v.recordingUrl || null,
          language: v.language,
          translationOf,
          ...(translationOf ? { kind: 'translation' as const } : {}),
          speakerNames: v.names,
          speakerAliases: Object.fromEntries(Object.entries(v.aliases).map(([id, text]) => [id, parseAliases(text)])),
          ...(v.main ? { mainSpeakerId: v.main } : {}),
        });
      }}
    >
      <div class="fields">
        {!builtin && (
          <>
            {input('title', t('sourcesFieldTitle'))}
            {input('date', t('sourcesFieldDate'))}
            {input('url', t('sourcesFieldUrl'))}
            {input('recordingUrl', t('sourcesFieldRecording'))}
            {input('language', t('sourcesFieldLanguage'))}
          </>
        )}
        <label class="field">
          <span>{t('sourcesFieldTranslationOf')}</span>
          <select data-testid="edit-translation-of" value={v.translationOf} onChange={(e) => setV({ ...v, translationOf: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('sourcesNone')}</option>
            {originals
              .filter((o) => o.id !== s.id)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title}
                </option>
              ))}
          </select>
        </label>
      </div>
      {!builtin && s.speakers.length > 0 && (
        <fieldset class="speakers">
          <legend>{t('sourcesSpeakers')}</legend>
          {s.speakers.map((sp, i) => (
            <div class={`speaker-row${sp.generic ? ' ask' : ''}`} key={sp.id}>
              {/* A label that names no one ("Speaker 1"): still asked for by name. */}
              {sp.generic && (
                <label for={`edit-${s.id}-${sp.id}`} class="ask-label">
                  {t('sourcesSpeakerAsk', sp.name)}
                </label>
              )}
              <input
                id={`edit-${s.id}-${sp.id}`}
                type="text"
                aria-label={sp.generic ? undefined : t('sourcesSpeakerName', i + 1)}
                data-testid="edit-speaker-name"
                value={v.names[sp.id]}
                onInput={(e) => setV({ ...v, names: { ...v.names, [sp.id]: (e.currentTarget as HTMLInputElement).value } })}
              />
              <input
                type="text"
                aria-label={t('sourcesSpeakerAliases', v.names[sp.id] || sp.id)}
                placeholder={t('sourcesSpeakerAliasesHint')}
                data-testid="edit-speaker-aliases"
                value={v.aliases[sp.id]}
                onInput={(e) => setV({ ...v, aliases: { ...v.aliases, [sp.id]: (e.currentTarget as HTMLInputElement).value } })}
              />
              <label>
                <input type="radio" name={`main-${s.id}`} data-testid="edit-main-speaker" checked={v.main === sp.id} onChange={() => setV({ ...v, main: sp.id })} />{' '}
                {t('sourcesMainSpeaker')}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="source-edit-save">
          {t('sourcesSave')}
        </button>
        <button type="button" data-testid="source-edit-cancel" onClick={onCancel}>
          {t('sourcesCancel')}
        </button>
      </div>
    </form>
  );
}
