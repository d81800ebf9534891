import type { Paragraph } from '../types';
import type { Script } from '../view/model';
import { formatTime, recordingLinkAt } from '../view/recording';
import { useT } from './i18n-context';

interface Props {
  paragraph: Paragraph;
  script: Script;
  /** Show the speaker label (first paragraph of a turn; the target paragraph always shows it). */
  showSpeaker: boolean;
  target: boolean;
  /** Span to highlight: in the target paragraph, or in another paragraph of a quote's stretch. */
  span?: { start: number; end: number } | null;
  /** Another paragraph of the quoted stretch (not the link's target): marked, not announced as the target. */
  inStretch?: boolean;
  /** Verbatim's English gloss, shown under the paragraph when given. */
  gloss?: string;
  /** The words restored by repairs, named in the tag's tooltip, to screen readers, and in a note when `showRestored`. */
  restored?: string[];
  /** Show the restored words as a visible note under the paragraph. */
  showRestored?: boolean;
  /** A reader's source: the speaker as the source names them, the time, the recording, the language. */
  speakerName?: string;
  time?: number;
  recordingUrl?: string;
  language?: string;
}

/** One paragraph of the transcript page; the target paragraph is highlighted (and its span marked). */
export function TranscriptParagraph({ paragraph: p, script, showSpeaker, target, span, inStretch = false, gloss, restored = [], showRestored = false, speakerName, time, recordingUrl, language }: Props) {
  const t = useT();
  const quoted = restored.map((w) => `“${w}”`).join(' ');
  const restoredText = restored.length ? t('repairedWhich', quoted) : '';
  const hear = recordingLinkAt(recordingUrl, time);
  const text = script === 'simplified' ? p.simplified : p.text;
  // Offsets are shared by both scripts only when the conversion kept the length.
  const mark = (target || inStretch) && span && span.end > span.start && p.simplified.length === p.text.length && span.end <= text.length ? span : null;
  return (
    <>
    <p
      id={p.id}
      class={`para${target || inStretch ? ' target' : ''}`}
      data-testid="paragraph"
      data-speaker={p.speaker}
      data-target={target ? 'true' : undefined}
      aria-current={target ? 'true' : undefined}
      tabIndex={target ? -1 : undefined}
      lang={language && !language.startsWith('zh') ? language : script === 'simplified' ? 'zh-Hans' : 'zh-Hant'}
      data-time={typeof time === 'number' ? String(Math.floor(time)) : undefined}
    >
      {target && <span class="sr">{t('targetParagraph')}: </span>}
      {typeof time === 'number' &&
        (hear ? (
          <a class="time" href={hear} target="_blank" rel="noopener noreferrer" data-testid="paragraph-time" title={t('hearIt', formatTime(time))}>
            {formatTime(time)}
          </a>
        ) : (
          <span class="time" data-testid="paragraph-time">
            {formatTime(time)}
          </span>
        ))}
      {(showSpeaker || target) && p.kind === 'turn' && <span class={`who ${p.speaker}`}>{speakerName ?? t(`speaker_${p.speaker}`)}:</span>}
      {mark ? (
        <>
          {text.slice(0, mark.start)}
          <mark data-testid="target-mark">{text.slice(mark.start, mark.end)}</mark>
          {text.slice(mark.end)}
        </>
      ) : (
        text
      )}
      {p.repaired && (
        <span class="tag" data-testid="restored-tag" title={restoredText ? `${t('repairedNote')} ${restoredText}` : t('repairedNote')}>
          {t('restoredTag')}
          {/* Screen readers read the words with the tag; the eye gets them from the note or the tooltip. */}
          {!showRestored && <span class="sr">: {quoted || t('repairedNote')}</span>}
        </span>
      )}
      {/* Out of the Tab order (114 of them would bury the page); still links for the mouse and for screen readers' link lists. */}
      <a class="pid" href={`#${p.sectionId}/${p.id}`} tabIndex={-1} aria-label={t('paragraphLink', p.id)}>
        #
      </a>
    </p>
    {p.repaired && showRestored && (
      <p class="para-note" data-testid="restored-note" data-paragraph={p.id} lang={script === 'simplified' ? 'zh-Hans' : 'zh-Hant'}>
        {restoredText || t('repairedNote')}
      </p>
    )}
    {gloss && (
      <p class="para-gloss" lang="en" data-testid="paragraph-gloss" data-paragraph={p.id}>
        {gloss}
      </p>
    )}
    </>
  );
}
