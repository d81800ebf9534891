import { useEffect, useRef, useState } from 'preact/hooks';
import type { SourcePatch, SourceSummary } from '../store/sources-store';
import { countText } from './counts';
import { useT } from './i18n-context';
import { SourceEdit } from './SourceEdit';

interface Props {
  source: Pick<SourceSummary, 'id' | 'title' | 'language' | 'date' | 'paragraphs' | 'speakers' | 'enabled' | 'deletedAt'> &
    Partial<Pick<SourceSummary, 'kind' | 'hasTimes' | 'url' | 'recordingUrl' | 'translationOf'>>;
  builtin?: boolean;
  onToggle(enabled: boolean): void;
  onRename?(title: string): void;
  onDelete?(): void;
  onUndo?(): void;
  onOpen(): void;
  onEdit(patch: SourcePatch): void;
  /** The side-by-side page of the pair this source is part of (null: in no pair). */
  parallelHref?: string | null;
  /** Sources this one may be a translation of. */
  originals: Array<{ id: string; title: string }>;
}

/** One source in the list: what it is, switch it on or off, rename, delete (with undo), open. */
export function SourceRow({ source: s, builtin, onToggle, onRename, onDelete, onUndo, onOpen, onEdit, parallelHref, originals }: Props) {
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(s.title);
  const row = useRef<HTMLLIElement>(null);
  const before = useRef<{ deleted: boolean; renaming: boolean; editing: boolean } | null>(null);
  // Delete, Undo, Rename and Edit each remove the button that was pressed. When focus fell to
  // <body> that way, it goes to this row's next step: Undo after Delete, the switch after Undo,
  // the form's first field when it opens, the button that opened it when it closes.
  useEffect(() => {
    const prev = before.current;
    before.current = { deleted: !!s.deletedAt, renaming, editing };
    const active = document.activeElement;
    if (!prev || (active && active !== document.body)) return;
    const next = s.deletedAt
      ? 'source-undo'
      : prev.deleted
        ? 'source-toggle'
        : renaming
          ? 'source-rename-input'
          : editing
            ? 'source-edit-form'
            : prev.renaming
              ? 'source-rename'
              : 'source-edit';
    const el = row.current?.querySelector<HTMLElement>(`[data-testid="${next}"]`);
    (next === 'source-edit-form' ? el?.querySelector<HTMLElement>('input, select') : el)?.focus();
  }, [s.deletedAt, renaming, editing]);
  if (s.deletedAt) {
    return (
      <li class="source-row deleted" data-testid="source-row" data-source={s.id} data-deleted="true" ref={row}>
        <span>{t('sourcesDeleted', s.title)}</span>{' '}
        <button type="button" data-testid="source-undo" onClick={onUndo}>
          {t('sourcesUndo')}
        </button>
      </li>
    );
  }
  const main = s.speakers.find((sp) => sp.main);
  const toggleId = `toggle-${s.id}`;
  return (
    <li class="source-row" data-testid="source-row" data-source={s.id} data-enabled={String(s.enabled)} ref={row}>
      <div class="row-main">
        <input id={toggleId} type="checkbox" data-testid="source-toggle" checked={s.enabled} onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)} />
        <label for={toggleId} class="sr">
          {t('sourcesEnable', s.title)}
        </label>
        {renaming ? (
          <form
            class="rename"
            onSubmit={(e) => {
              e.preventDefault();
              if (title.trim()) onRename?.(title.trim());
              setRenaming(false);
            }}
          >
            <input type="text" aria-label={t('sourcesFieldTitle')} data-testid="source-rename-input" value={title} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
            <button type="submit" data-testid="source-rename-save">
              {t('sourcesRenameSave')}
            </button>
          </form>
        ) : (
          <span class="row-title" data-testid="source-title">
            {s.title}
          </span>
        )}
      </div>
      <p class="row-meta" data-testid="source-meta">
        <span lang="en">{s.language}</span>
        {s.date && <> · {s.date}</>} · {countText(t, 'sourcesParagraphs', s.paragraphs)}
        {s.speakers.length > 0 && (
          <>
            {' '}
            · {t('sourcesSpeakersList', s.speakers.map((sp) => sp.name).join(', '))}
            {main && <> ({t('sourcesMainIs', main.name)})</>}
          </>
        )}
        {s.hasTimes && <> · {t('sourcesHasTimes')}</>}
        {s.kind === 'translation' && <> · {t('kind_translation')}</>}
        {builtin && <> · {t('sourcesBuiltin')}</>}
      </p>
      <div class="row-actions">
        <button type="button" class="link" data-testid="source-open" onClick={onOpen}>
          {t('sourcesOpen')}
        </button>
        {parallelHref && (
          // A real link: Tab reaches it and Enter follows it, like any other link.
          <a class="link" href={parallelHref} target="_blank" rel="noopener" data-testid="source-parallel" aria-label={t('sourcesParallelNamed', s.title)}>
            {t('sourcesParallel')}
          </a>
        )}
        {!builtin && !renaming && (
          <button
            type="button"
            class="link"
            data-testid="source-rename"
            onClick={() => {
              setTitle(s.title);
              setRenaming(true);
            }}
          >
            {t('sourcesRename')}
          </button>
        )}
        {!editing && (
          <button type="button" class="link" data-testid="source-edit" aria-expanded={editing} onClick={() => setEditing(true)}>
            {t('sourcesEdit')}
          </button>
        )}
        {!builtin && (
          <button type="button" class="link danger" data-testid="source-delete" aria-label={t('sourcesDeleteNamed', s.title)} onClick={onDelete}>
            {t('sourcesDelete')}
          </button>
        )}
      </div>
      {editing && (
        <SourceEdit
          source={{ ...s, speakers: builtin ? [] : s.speakers }}
          builtin={builtin}
          originals={originals}
          onCancel={() => setEditing(false)}
          onSave={(patch) => {
            setEditing(false);
            onEdit(patch);
          }}
        />
      )}
    </li>
  );
}
