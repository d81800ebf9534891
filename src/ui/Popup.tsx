import { useEffect, useState } from 'preact/hooks';
import type { SearchHitView } from '../ext/messages';
import type { CardModel } from '../view/model';
import type { CardActions } from './actions';
import { useT } from './i18n-context';
import { ResultBody } from './ResultBody';
import { SearchBox } from './SearchBox';
import { ANNOUNCE_DELAY_MS, verdictSummary } from './summary';

export type SelectionState =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'unreadable' }
  | { kind: 'error'; message: string }
  | { kind: 'result'; model: CardModel };

interface Props {
  selection: SelectionState;
  actions: CardActions;
  search(query: string): Promise<SearchHitView[]>;
  openHit(hit: SearchHitView): void;
  openTranscript(): void;
  openOptions(): void;
  /** "Check this page": every quote of the article found, checked and marked in the page. */
  scanPage?(): void;
  openSources(): void;
  /** "Add this page": extracts the tab's article and opens its preview on the Sources page. */
  addThisPage(): Promise<void>;
}

/** The toolbar popup: the verdict for the current selection, and a search box over the transcript. */
export function Popup({ selection, actions, search, openHit, openTranscript, openOptions, scanPage, openSources, addThisPage }: Props) {
  const t = useT();
  const [addError, setAddError] = useState('');
  // Focus starts in the search box; the verdict for the selection arrives later and is announced.
  const message =
    selection.kind === 'result'
      ? t('selectionAnnouncement', verdictSummary(selection.model, t))
      : selection.kind === 'none'
        ? t('noSelection')
        : selection.kind === 'unreadable'
          ? t('cannotReadPage')
          : '';
  const [live, setLive] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setLive(message), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <main class="vb popup">
      <header class="head">
        <h1 class="brand">{t('popupTitle')}</h1>
        <button type="button" class="link" onClick={openTranscript}>
          {t('openTranscript')}
        </button>
        <button type="button" class="link" data-testid="popup-sources" onClick={openSources}>
          {t('sourcesLink')}
        </button>
        <button type="button" class="link" onClick={openOptions}>
          {t('optionsLink')}
        </button>
      </header>
      {scanPage && (
        <p>
          <button type="button" data-testid="scan-page" onClick={scanPage}>
            {t('scanButton')}
          </button>
        </p>
      )}
      <div class="add-page">
        <button
          type="button"
          data-testid="add-this-page"
          onClick={() => {
            setAddError('');
            addThisPage().catch((e: unknown) => setAddError(t('addPageFailed', e instanceof Error ? e.message : String(e))));
          }}
        >
          {t('addThisPage')}
        </button>
        {addError && (
          <p class="note warn" role="alert" data-testid="add-this-page-error">
            {addError}
          </p>
        )}
      </div>
      <section aria-labelledby="sel-h" data-testid="popup-selection" data-state={selection.kind}>
        <h2 id="sel-h" class="sub">
          {t('selectionHeading')}
        </h2>
        {selection.kind === 'loading' && <p class="checking">{t('checking')}</p>}
        {selection.kind === 'none' && <p class="help">{t('noSelection')}</p>}
        {selection.kind === 'unreadable' && <p class="help">{t('cannotReadPage')}</p>}
        {selection.kind === 'error' && (
          <p class="note warn" role="alert">
            {t('failed', selection.message)}
          </p>
        )}
        {selection.kind === 'result' && (
          <div>
            <p class="quote" data-testid="popup-quote">
              {selection.model.query}
            </p>
            <ResultBody model={selection.model} actions={actions} />
          </div>
        )}
      </section>
      <p class="sr" role="status" data-testid="popup-announcement">
        {live}
      </p>
      <SearchBox search={search} open={openHit} autoFocus />
    </main>
  );
}
