import { useEffect, useState } from 'preact/hooks';
import type { Paragraph, Transcript } from '../types';
import { restoredWords, type ParagraphSpan, type Script } from '../view/model';
import type { ParagraphInfo } from '../sources/to-transcript';
import { useT } from './i18n-context';
import { ScriptToggle } from './ScriptToggle';
import { TranscriptParagraph } from './TranscriptParagraph';

interface Props {
  transcript: Transcript;
  script: Script;
  onScript(s: Script): void;
  /** Deep-link target, from the URL hash. */
  target: { sectionId?: string; paragraphId?: string };
  span?: { start: number; end: number } | null;
  /** A quote over several paragraphs: its part in each (replaces `span`). */
  spans?: ReadonlyArray<ParagraphSpan> | null;
  /** Verbatim's English gloss by paragraph id. */
  gloss: Record<string, string>;
  showGloss: boolean;
  onShowGloss(show: boolean): void;
  /** A reader's source (`?source=<id>`): speaker names and times by paragraph, its language and date. */
  imported?: { id: string; info: Map<string, ParagraphInfo>; language: string; date?: string };
}

/** The whole interview, by sections, with speakers; scrolls to and highlights the deep-link target. */
export function TranscriptPage({ transcript, script, onScript, target, span, spans, gloss, showGloss, onShowGloss, imported }: Props) {
  const t = useT();
  const [showRestored, setShowRestored] = useState(false);
  const byId = new Map<string, Paragraph>(transcript.paragraphs.map((p) => [p.id, p]));
  const missing = target.paragraphId && !byId.has(target.paragraphId) ? target.paragraphId : null;
  const title = (s: { id: string; title: string; titleSimplified: string }) =>
    s.id === 'intro' ? t('introTitle') : (script === 'simplified' ? s.titleSimplified : s.title) || (imported ? t('untitledSection') : '');

  useEffect(() => {
    const id = target.paragraphId && byId.has(target.paragraphId) ? target.paragraphId : target.sectionId;
    if (!id) return;
    const el = document.getElementById(id);
    if (!el) return;
    // to the highlighted words themselves: in a long paragraph (a caption file's) they may be far below its top
    const mark = document.querySelector('[data-testid="target-mark"]');
    (mark ?? el).scrollIntoView({ block: 'center' });
    if (el.tabIndex === -1) el.focus({ preventScroll: true });
  }, [target.paragraphId, target.sectionId]);
  const marked = new Map<string, { start: number; end: number }>((spans ?? []).map((s) => [s.paragraphId, { start: s.start, end: s.end }]));
  if (marked.size === 0 && span && target.paragraphId) marked.set(target.paragraphId, span);

  const targetId = target.paragraphId && byId.has(target.paragraphId) ? target.paragraphId : null;
  const skip = (e: Event) => {
    // Moves focus without touching the URL: the hash is the deep link and holds the highlight.
    e.preventDefault();
    const el = document.getElementById(targetId ?? 'transcript');
    if (el && el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el?.scrollIntoView({ block: targetId ? 'center' : 'start' });
    el?.focus({ preventScroll: true });
  };

  return (
    <div class="tp">
      <a class="skip" href={`#${targetId ?? 'transcript'}`} data-testid="skip-link" onClick={skip}>
        {targetId ? t('skipToQuoted') : t('skipToTranscript')}
      </a>
      <header data-testid="transcript-header" data-source={imported?.id ?? 'builtin'}>
        <p class="help">{t('transcriptHeading')}</p>
        <h1 lang={imported ? imported.language : 'en'}>{script === 'simplified' ? transcript.meta.titleSimplified : transcript.meta.title}</h1>
        {imported && (
          <p class="help" data-testid="imported-source-meta">
            {[imported.date, imported.language].filter(Boolean).join(' · ')}
            {transcript.meta.sourceUrl && /^https?:\/\//i.test(transcript.meta.sourceUrl) && (
              <>
                {' · '}
                <a href={transcript.meta.sourceUrl} target="_blank" rel="noopener noreferrer">
                  {t('sourcesFieldUrl')}
                </a>
              </>
            )}
          </p>
        )}
        {!imported && (
        <p class="help">
          {t('transcriptNote')}{' '}
          <a href={transcript.meta.videoUrl} target="_blank" rel="noopener noreferrer">
            {t('sourceVideo')}
          </a>
        </p>
        )}
        <div class="toolbar">
          {(!imported || imported.language.startsWith('zh')) && <ScriptToggle value={script} onChange={onScript} />}
          {!imported && (
          <label class="gloss-toggle">
            <input
              type="checkbox"
              data-testid="gloss-toggle"
              checked={showGloss}
              onChange={(e) => onShowGloss((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {t('showGloss')}
          </label>
          )}
          {!imported && (
          <label class="gloss-toggle">
            <input
              type="checkbox"
              data-testid="restored-toggle"
              checked={showRestored}
              onChange={(e) => setShowRestored((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {t('showRestored')}
          </label>
          )}
        </div>
        {showGloss && <p class="help" data-testid="gloss-note">{t('glossPageNote')}</p>}
        {missing && (
          <p class="missing" role="alert">
            {t('notFoundAnchor', missing)}
          </p>
        )}
      </header>
      <nav aria-label={t('contents')}>
        <ol>
          {transcript.sections.filter((s) => !(imported && !s.title)).map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{title(s)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <main id="transcript" tabIndex={-1}>
        {transcript.sections.map((s) => {
          let lastTurn: string | null = null;
          const paras = s.paragraphIds.map((id) => byId.get(id)).filter((p): p is Paragraph => !!p);
          const heading = paras.find((p) => p.kind === 'heading');
          return (
            <section key={s.id} id={s.id} aria-labelledby={imported && !s.title ? undefined : `h-${s.id}`} data-testid="section">
              {/* A reader's source without headings has one untitled section: no heading for it. */}
              {!(imported && !s.title) && (
                <h2 id={`h-${s.id}`}>
                  <span id={heading?.id} class={heading && heading.id === target.paragraphId ? 'para target' : undefined}>
                    {title(s)}
                  </span>
                </h2>
              )}
              {paras
                .filter((p) => p.kind !== 'heading')
                .map((p) => {
                  const showSpeaker = p.turnId !== lastTurn;
                  lastTurn = p.turnId;
                  const isTarget = p.id === target.paragraphId;
                  const part = marked.get(p.id) ?? null;
                  return (
                    <TranscriptParagraph
                      key={p.id}
                      paragraph={p}
                      script={script}
                      showSpeaker={showSpeaker}
                      target={isTarget}
                      span={part}
                      inStretch={!isTarget && part !== null}
                      gloss={showGloss ? gloss[p.id] : undefined}
                      restored={p.repaired ? restoredWords(transcript, p, script) : []}
                      showRestored={showRestored}
                      speakerName={imported?.info.get(p.id)?.speakerName}
                      time={imported?.info.get(p.id)?.time}
                      recordingUrl={imported ? transcript.meta.videoUrl : undefined}
                      language={imported?.language}
                    />
                  );
                })}
            </section>
          );
        })}
      </main>
    </div>
  );
}
