import { useEffect, useState } from 'preact/hooks';
import type { PairResponse } from '../ext/pairs';
import type { Source } from '../sources/model';
import { useT } from './i18n-context';

interface Props {
  load(): Promise<PairResponse>;
  correct(translation: string[], original: string[]): Promise<PairResponse>;
  /** A paragraph to scroll to and mark (ids are per source, so the side is named too). */
  focus?: { side: 'translation' | 'original'; id: string };
}

type Loaded = Extract<PairResponse, { ok: true }>;

function textOf(source: Source, id: string): string {
  return source.paragraphs.find((p) => p.id === id)?.text ?? '';
}

/**
 * A translation and its original side by side: one row per aligned link, so the two columns
 * scroll together. The reader corrects a row's link by choosing the original paragraph it
 * renders (or none); the correction is stored and the rest re-aligned around it. Text nodes only.
 */
export function ParallelPage({ load, correct, focus }: Props) {
  const t = useT();
  const [state, setState] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  /** Translation ids of the row whose "Correct" button gets focus back after its select closes. */
  const [refocus, setRefocus] = useState<string | null>(null);
  useEffect(() => {
    if (editing) document.querySelector<HTMLElement>('[data-testid="parallel-correct"]')?.focus();
  }, [editing]);
  useEffect(() => {
    if (refocus == null) return;
    document.querySelector<HTMLElement>(`[data-testid="parallel-row"][data-translation="${CSS.escape(refocus)}"] [data-testid="parallel-edit"]`)?.focus();
    setRefocus(null);
  }, [refocus, state]);

  useEffect(() => {
    load().then((r) => (r.ok ? setState(r) : setError(r.error)), (e: unknown) => setError(String(e)));
  }, []);
  useEffect(() => {
    if (state && focus) document.querySelector(`[data-focus="true"]`)?.scrollIntoView({ block: 'center' });
  }, [state]);

  if (error) return <p class="error" role="alert" data-testid="parallel-error">{error}</p>;
  if (!state) return <p role="status">{t('parallelLoading')}</p>;
  const { pair, translation, original } = state;

  const apply = async (translationIds: string[], value: string) => {
    setEditing(null);
    const r = await correct(translationIds, value ? [value] : []);
    if (r.ok) {
      setState(r);
      setStatus(t('parallelSaved'));
    } else setStatus(r.error);
    setRefocus(translationIds.join(' '));
  };

  return (
    <main class="parallel-page" data-testid="parallel-view">
      <h1>{t('parallelTitle')}</h1>
      <div class="parallel-head">
        <div lang={translation.language}>{translation.title}</div>
        <div lang={original.language}>{original.title}</div>
      </div>
      <p class="status" role="status" aria-live="polite" data-testid="parallel-status">
        {status}
      </p>
      <div class="parallel-rows">
        {pair.links.map((link) => {
          const key = `${link.translation.join('+')}|${link.original.join('+')}`;
          const focused = !!focus && link[focus.side].includes(focus.id);
          return (
            <div
              class={`parallel-row${focused ? ' focus' : ''}`}
              key={key}
              data-testid="parallel-row"
              data-translation={link.translation.join(' ')}
              data-original={link.original.join(' ')}
              data-corrected={link.corrected ? 'true' : 'false'}
              data-focus={focused ? 'true' : undefined}
            >
              <div class="parallel-cell" lang={translation.language}>
                {link.translation.map((id) => (
                  <p key={id} id={`tr-${id}`} data-paragraph={id}>
                    {textOf(translation, id)}
                  </p>
                ))}
                {link.translation.length === 0 && <p class="muted">{t('parallelNotTranslated')}</p>}
              </div>
              <div class="parallel-cell" lang={original.language}>
                {link.original.map((id) => (
                  <p key={id} data-paragraph={id}>
                    {textOf(original, id)}
                  </p>
                ))}
                {link.original.length === 0 && <p class="muted">{t('parallelNoOriginal')}</p>}
              </div>
              {link.translation.length > 0 && (
                <div class="parallel-fix">
                  {link.corrected && <span class="tag" data-testid="parallel-corrected">{t('parallelCorrected')}</span>}
                  {editing === key ? (
                    <select
                      data-testid="parallel-correct"
                      aria-label={t('parallelCorrect')}
                      aria-describedby={link.translation.map((id) => `tr-${id}`).join(' ')}
                      value={link.original[0] ?? ''}
                      onKeyDown={(e) => {
                        if (e.key !== 'Escape') return;
                        e.preventDefault();
                        setEditing(null);
                        setRefocus(link.translation.join(' '));
                      }}
                      onChange={(e) => apply(link.translation, (e.currentTarget as HTMLSelectElement).value)}
                    >
                      <option value="">{t('parallelNoOriginal')}</option>
                      {original.paragraphs.map((p) => (
                        <option key={p.id} value={p.id}>
                          {`${p.id}: ${p.text.slice(0, 60)}`}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <button
                      type="button"
                      data-testid="parallel-edit"
                      aria-describedby={link.translation.map((id) => `tr-${id}`).join(' ')}
                      onClick={() => setEditing(key)}
                    >
                      {t('parallelCorrect')}
                    </button>
                  )}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </main>
  );
}
