import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchHitView } from '../ext/messages';
import { countText } from './counts';
import { useT } from './i18n-context';
import { matchedRanges, snippetParts } from './search-snippet';
import { speakerText } from './speaker-text';

interface Props {
  search(query: string): Promise<SearchHitView[]>;
  open(hit: SearchHitView): void;
  /** Delay after the last keystroke, ms. */
  debounceMs?: number;
  /** Take keyboard focus when shown (the popup opens with focus in the search box). */
  autoFocus?: boolean;
  /** What the box searches, when it is more than the transcript (the Sources page: every enabled source). */
  label?: string;
  placeholder?: string;
}

/** The snippet with the typed words marked (text nodes only). */
function Snippet({ hit, query }: { hit: SearchHitView; query: string }) {
  // a built-in passage reached through Verbatim's English gloss holds the typed words there
  const ownHolds = matchedRanges(hit.text, query).length > 0;
  const viaGloss = !ownHolds && !!hit.gloss && matchedRanges(hit.gloss, query).length > 0;
  const parts = snippetParts(viaGloss ? (hit.gloss as string) : hit.text, query);
  return (
    <span class="result-text" lang={viaGloss ? 'en' : undefined} data-testid="search-snippet" data-via={viaGloss ? 'gloss' : 'text'}>
      {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </span>
  );
}

/** Search over the transcript with results as you type; each result opens the transcript at that paragraph. */
export function SearchBox({ search, open, debounceMs = 80, autoFocus, label, placeholder }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHitView[] | null>(null);
  const seq = useRef(0);
  const list = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    const q = query.trim();
    const n = ++seq.current;
    if (!q) {
      setHits(null);
      return;
    }
    const timer = setTimeout(async () => {
      const found = await search(q).catch(() => []);
      if (n === seq.current) setHits(found);
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [query]);

  const focusResult = (i: number) => {
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
    if (buttons && buttons.length) buttons[Math.max(0, Math.min(i, buttons.length - 1))].focus();
  };

  return (
    <div class="search" role="search">
      <label for="vb-search" class="label">
        {label ?? t('searchLabel')}
      </label>
      <input
        id="vb-search"
        type="search"
        data-testid="search"
        placeholder={placeholder ?? t('searchPlaceholder')}
        value={query}
        autoComplete="off"
        ref={input}
        // Only while the list exists: an id that points at nothing is an invalid reference.
        aria-controls={hits && hits.length > 0 ? 'vb-results' : undefined}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            focusResult(0);
          }
        }}
      />
      <p class="sr" role="status" aria-live="polite">
        {hits ? (hits.length ? countText(t, 'resultsCount', hits.length) : t('noResults')) : ''}
      </p>
      {hits && hits.length === 0 && <p class="help">{t('noResults')}</p>}
      {hits && hits.length > 0 && (
        <ul id="vb-results" class="results" ref={list} data-testid="search-results">
          {hits.map((hit, i) => (
            <li key={`${hit.sourceId ?? 'builtin'}/${hit.paragraphId}`}>
              <button
                type="button"
                class="result"
                data-testid="search-result"
                data-paragraph={hit.paragraphId}
                onClick={() => open(hit)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowDown') {
                    e.preventDefault();
                    focusResult(i + 1);
                  } else if (e.key === 'ArrowUp') {
                    e.preventDefault();
                    if (i === 0) (document.getElementById('vb-search') as HTMLInputElement | null)?.focus();
                    else focusResult(i - 1);
                  }
                }}
              >
                <span class="result-meta">
                  {speakerText(hit, t)}
                  {hit.sourceTitle && <span data-testid="search-result-source"> · {hit.sourceTitle}</span>}
                  {hit.sectionTitle && <> · {hit.sectionTitle}</>}
                </span>
                <Snippet hit={hit} query={query} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
