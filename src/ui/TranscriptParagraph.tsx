import type { Paragraph } from '../types';
import type { Script } from '../ext/view';
import { formatTime, recordingLinkAt } from '../ext/recording';
import { useT } from './i18n-context';

interface Props {
  paragraph: Paragraph;
  script: Script;
  /** Show the speaker label (first paragraph of a turn; the target paragraph always shows it). */
  showSpeaker: boolean;
  target: boolean;
  /** Span to highlight in the target paragraph. */
  span?: { start: number; end: number } | null;
  /** Verbatim's English gloss, shown under the paragraph when given. */
  gloss?: string;
  /** The words restored by repairs, named in the tag's tooltip. */
  restored?: string[];
  /** A reader's source: the speaker as the source names them, the time, the recording, the language. */
  speakerName?: string;
  time?: number;
  recordingUrl?: string;
  language?: string;
}

/** One paragraph of the transcript page; the target paragraph is highlighted (and its span marked). */
export function TranscriptParagraph({ paragraph: p, script, showSpeaker, target, span, gloss, restored = [], speakerName, time, recordingUrl, language }: Props) {
  const t = useT();
  const hear = recordingLinkAt(recordingUrl, time);
  const text = script === 'simplified' ? p.simplified : p.text;
  // Offsets are shared by both scripts only when the conversion kept the length.
  const mark = target && span && span.end > span.start && p.simplified.length === p.text.length && span.end <= text.length ? span : null;
  return (
    <>
    <p
      id={p.id}
      class={`para${target ? ' target' : ''}`}
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
        <span
          class="tag"
          data-testid="restored-tag"
          title={restored.length ? `${t('repairedNote')} ${t('repairedWhich', restored.map((w) => `“${w}”`).join(' '))}` : t('repairedNote')}
        >
          {t('restoredTag')}
        </span>
      )}
      <a class="pid" href={`#${p.sectionId}/${p.id}`} aria-label={`${p.id}`}>
        #
      </a>
    </p>
    {gloss && (
      <p class="para-gloss" lang="en" data-testid="paragraph-gloss" data-paragraph={p.id}>
        {gloss}
      </p>
    )}
    </>
  );
}
