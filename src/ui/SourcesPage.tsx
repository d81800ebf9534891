import { useEffect, useRef, useState } from 'preact/hooks';
import type { SourceDraft } from '../sources/draft';
import type { Source, SourcePack } from '../sources/model';
import type { ParseResult } from '../sources/parse';
import type { BuiltinSummary, SearchHitView } from '../ext/messages';
import { parallelHref, type FileInfo, type SourcesApi } from '../ext/sources-page';
import type { SourceSummary } from '../store/sources-store';
import { countText } from './counts';
import { useT } from './i18n-context';
import { SearchBox } from './SearchBox';
import { SourcePreview } from './SourcePreview';
import { SourceRow } from './SourceRow';
import { SourcesAdd } from './SourcesAdd';

interface Props {
  api: SourcesApi;
  readFile(file: File): Promise<ParseResult & { file?: FileInfo }>;
  readPaste(text: string): ParseResult;
  readPack(file: File): Promise<{ ok: true; pack: unknown } | { ok: false; error: string }>;
  toSource(draft: SourceDraft): Source;
  download(pack: SourcePack): void;
  /** Opens the transcript page of a source (at a search hit when given). */
  openSource(id: string, hit?: SearchHitView): void;
  /** A draft handed over by "Add this page" (or why it could not be read). */
  initial?: ParseResult | null;
}

/** The Sources page: the list, adding (file, paste, this page) with a preview, export/import, search. */
export function SourcesPage({ api, readFile, readPaste, readPack, toSource, download, openSource, initial }: Props) {
  const t = useT();
  const [sources, setSources] = useState<SourceSummary[] | null>(null);
  const [builtin, setBuiltin] = useState<BuiltinSummary | null>(null);
  const [draft, setDraft] = useState<SourceDraft | null>(initial?.ok ? initial.draft : null);
  /** The file the draft came from, and a counter that gives each new preview a fresh component. */
  const [file, setFile] = useState<FileInfo | undefined>(undefined);
  const [previewKey, setPreviewKey] = useState(0);
  /** Delete all asks once, in the page, before acting. */
  const [confirmAll, setConfirmAll] = useState(false);
  const deleteAllButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  /** After Delete all, focus goes to its Undo (the buttons that were pressed are gone). */
  const focusUndo = useRef(false);
  useEffect(() => {
    if (confirmAll) keepButton.current?.focus();
  }, [confirmAll]);
  const [error, setError] = useState(initial && !initial.ok ? initial.error : '');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [undoIds, setUndoIds] = useState<string[]>([]);
  /** The control whose action failed: its error message describes it (aria-describedby). */
  const [errorFrom, setErrorFrom] = useState<'file' | 'paste' | 'import' | null>(initial && !initial.ok ? 'file' : null);
  /** Where focus goes once the preview closed (its buttons are gone): the list after a save, Add after Cancel. */
  const focusAfterPreview = useRef<string | null>(null);
  useEffect(() => {
    const id = focusAfterPreview.current;
    focusAfterPreview.current = null;
    if (!draft && id && (!document.activeElement || document.activeElement === document.body)) document.getElementById(id)?.focus();
  }, [draft]);

  useEffect(() => {
    if (!focusUndo.current || !undoIds.length || !status) return;
    focusUndo.current = false;
    document.querySelector<HTMLElement>('[data-testid="source-undo-all"]')?.focus();
  }, [undoIds, status]);

  const refresh = async () => {
    const r = await api.list();
    if (!r.ok) return setError(r.error);
    setSources(r.sources);
    setBuiltin(r.builtin);
  };
  useEffect(() => {
    void refresh();
  }, []);

  /** Runs a step, shows its one-sentence error or status, and reloads the list. */
  const step = async (fn: () => Promise<{ ok: boolean; error?: string } | void>, done?: string) => {
    setBusy(true);
    setError('');
    setStatus('');
    setUndoIds([]);
    try {
      const r = await fn();
      if (r && !r.ok) setError(r.error ?? t('sourcesFailed'));
      else if (done) setStatus(done);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const preview = (r: ParseResult & { file?: FileInfo }) => {
    setFile(r.ok ? r.file : undefined);
    setPreviewKey((k) => k + 1);
    if (r.ok) {
      setDraft(r.draft);
      setError('');
    } else {
      setDraft(null);
      setError(r.error);
    }
  };

  const live = (sources ?? []).filter((s) => !s.deletedAt);
  const originals = [...(builtin ? [{ id: builtin.id, title: builtin.title }] : []), ...live.map((s) => ({ id: s.id, title: s.title }))];
  const listed = [...(builtin ? [builtin] : []), ...(sources ?? [])];

  return (
    <main class="sources-page">
      <header>
        <h1>{t('sourcesTitle')}</h1>
        <p class="help">{t('sourcesIntro')}</p>
      </header>
      <p class="status" role="status" aria-live="polite" data-testid="source-status">
        {status}
        {status && undoIds.length > 0 && (
          <>
            {' '}
            <button
              type="button"
              data-testid="source-undo-all"
              onClick={() =>
                step(async () => {
                  const r = await api.undo(undoIds);
                  setUndoIds([]);
                  return r;
                }, t('sourcesRestored'))
              }
            >
              {t('sourcesUndo')}
            </button>
          </>
        )}
      </p>
      {error && (
        <p class="note warn" role="alert" id="source-error" data-testid="source-error">
          {error}
        </p>
      )}
      {draft ? (
        <SourcePreview
          key={previewKey}
          draft={draft}
          file={file}
          onChange={setDraft}
          originals={originals}
          busy={busy}
          onCancel={() => {
            focusAfterPreview.current = 'add-h';
            setDraft(null);
          }}
          onSave={() =>
            step(async () => {
              const r = await api.save(toSource(draft));
              if (r.ok) {
                focusAfterPreview.current = 'list-h';
                setDraft(null);
              }
              return r;
            }, t('sourcesSaved', draft.title))
          }
          onSavePair={({ original, translation }) => {
            const o = toSource(original);
            const tr = toSource({ ...translation, kind: 'translation', translationOf: o.id });
            void step(async () => {
              const r = await api.savePair(o, tr);
              if (r.ok) {
                focusAfterPreview.current = 'list-h';
                setDraft(null);
              }
              return r;
            }, t('sourcesSavedPair', o.title, tr.title));
          }}
        />
      ) : (
        <SourcesAdd
          busy={busy}
          errorId={error && (errorFrom === 'file' || errorFrom === 'paste') ? { [errorFrom]: 'source-error' } : {}}
          onFile={(file) => {
            setErrorFrom('file');
            void step(async () => preview(await readFile(file)));
          }}
          onPaste={(text) => {
            setErrorFrom('paste');
            preview(readPaste(text));
          }}
        />
      )}
      <section aria-labelledby="list-h">
        <h2 id="list-h" tabIndex={-1}>{t('sourcesListHeading')}</h2>
        <ul class="sources-list" data-testid="sources-list" aria-busy={sources === null}>
          {builtin && (
            <SourceRow
              builtin
              source={builtin}
              onToggle={(on) => {
                setBuiltin({ ...builtin, enabled: on });
                void step(() => api.setEnabled(builtin.id, on));
              }}
              onOpen={() => openSource(builtin.id)}
              parallelHref={parallelHref(builtin, listed)}
              originals={originals}
              onEdit={(patch) => step(() => api.update(builtin.id, patch), t('sourcesUpdated'))}
            />
          )}
          {(sources ?? []).map((s) => (
            <SourceRow
              key={s.id}
              source={s}
              onToggle={(on) => {
                // Shown at once; the list is read again after the write (and reverts if it failed).
                setSources((list) => list && list.map((x) => (x.id === s.id ? { ...x, enabled: on } : x)));
                void step(() => api.setEnabled(s.id, on));
              }}
              onRename={(title) => step(() => api.update(s.id, { title }), t('sourcesRenamed', title))}
              onDelete={() =>
                step(async () => {
                  const r = await api.remove([s.id]);
                  if (r.ok) setUndoIds(r.ids);
                  return r;
                }, t('sourcesDeleted', s.title))
              }
              onUndo={() => step(() => api.undo([s.id]), t('sourcesRestored'))}
              onOpen={() => openSource(s.id)}
              parallelHref={parallelHref(s, listed)}
              originals={originals}
              onEdit={(patch) => step(() => api.update(s.id, patch), t('sourcesUpdated'))}
            />
          ))}
        </ul>
      </section>
      <section class="pack" aria-labelledby="pack-h">
        <h2 id="pack-h">{t('sourcesPackHeading')}</h2>
        <p class="help">{t('sourcesPackHelp')}</p>
        <div class="actions">
          <button
            type="button"
            data-testid="source-export"
            disabled={busy || !live.length}
            onClick={() =>
              step(async () => {
                const r = await api.exportPack();
                if (r.ok) download(r.pack);
                return r;
              }, countText(t, 'sourcesExported', live.length))
            }
          >
            {t('sourcesExport')}
          </button>
          <label class="file-button">
            {t('sourcesImport')}{' '}
            <input
              type="file"
              accept=".json,application/json"
              data-testid="source-import-input"
              aria-describedby={error && errorFrom === 'import' ? 'source-error' : undefined}
              disabled={busy}
              onChange={(e) => {
                const input = e.currentTarget as HTMLInputElement;
                const file = input.files?.[0];
                input.value = '';
                if (!file) return;
                setErrorFrom('import');
                void step(async () => {
                  const read = await readPack(file);
                  if (!read.ok) return read;
                  const r = await api.importPack(read.pack);
                  if (r.ok) setStatus(countText(t, 'sourcesImported', r.ids.length));
                  return r;
                });
              }}
            />
          </label>
          <button
            type="button"
            class="danger"
            data-testid="source-delete-all"
            ref={deleteAllButton}
            aria-expanded={confirmAll}
            aria-controls={confirmAll ? 'delete-all-confirm' : undefined}
            disabled={busy || !live.length}
            onClick={() => setConfirmAll(true)}
          >
            {t('sourcesDeleteAll')}
          </button>
        </div>
        {confirmAll && live.length > 0 && (
          // Asked in the page (no window.confirm): a labelled group, focus on the safe answer, Escape keeps.
          <div
            class="confirm"
            role="group"
            id="delete-all-confirm"
            aria-labelledby="delete-all-ask"
            data-testid="delete-all-confirm"
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setConfirmAll(false);
                deleteAllButton.current?.focus();
              }
            }}
          >
            <p id="delete-all-ask">{countText(t, 'sourcesDeleteAllAsk', live.length)}</p>
            <div class="actions">
              <button
                type="button"
                class="danger"
                data-testid="source-delete-all-yes"
                onClick={() => {
                  const n = live.length;
                  setConfirmAll(false);
                  void step(async () => {
                    const r = await api.remove();
                    if (r.ok) setUndoIds(r.ids);
                    return r;
                  }, countText(t, 'sourcesDeletedAll', n));
                  focusUndo.current = true;
                }}
              >
                {t('sourcesDeleteAllYes')}
              </button>
              <button
                type="button"
                ref={keepButton}
                data-testid="source-delete-all-no"
                onClick={() => {
                  setConfirmAll(false);
                  deleteAllButton.current?.focus();
                }}
              >
                {t('sourcesDeleteAllNo')}
              </button>
            </div>
          </div>
        )}
      </section>
      <section aria-labelledby="search-h" class="sources-search">
        <h2 id="search-h">{t('sourcesSearchHeading')}</h2>
        <SearchBox
          search={api.search}
          open={(hit) => openSource(hit.sourceId ?? 'builtin', hit)}
          label={t('sourcesSearchLabel')}
          placeholder={t('sourcesSearchPlaceholder')}
        />
      </section>
    </main>
  );
}
