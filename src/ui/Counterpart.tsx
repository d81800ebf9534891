import type { ViewMatch } from '../view/model';
import { excerpt } from './excerpt';
import { useT } from './i18n-context';

interface Props {
  match: ViewMatch;
}

/**
 * The matched passage in the paired source: the original's words under a translation's match,
 * the translation's rendering under an original's match, with the aligned sentence marked; or
 * the note that the translation left the passage or the sentence out. Text nodes only.
 */
export function Counterpart({ match }: Props) {
  const t = useT();
  const c = match.counterpart;
  if (c === undefined) return null;
  const inTranslation = match.source?.kind === 'translation';
  if (c === null) {
    return (
      <p class="note counterpart-none" data-testid="counterpart" data-dropped="paragraph">
        {inTranslation ? t('counterpartNoOriginal') : t('counterpartDroppedParagraph')}
      </p>
    );
  }
  const label =
    c.sourceId === 'builtin'
      ? t('counterpartCsdn')
      : inTranslation && c.language?.startsWith('en')
        ? t('counterpartOriginalEnglish')
        : inTranslation
          ? t('counterpartOriginalTitled', c.title ?? c.sourceId)
          : t('counterpartTranslationTitled', c.title ?? c.sourceId);
  const marked = c.start !== undefined && c.end !== undefined && c.end > c.start;
  const ex = marked ? excerpt(c.text, c.start!, c.end!, 160) : excerpt(c.text, 0, 0, 160);
  return (
    <div class="counterpart" data-testid="counterpart" data-source={c.sourceId} data-paragraph={c.paragraphId}>
      <span class="label" data-testid="counterpart-label">
        {label}
      </span>
      <blockquote lang={c.language}>
        {ex.cutBefore && '…'}
        {ex.before}
        {ex.mark && <mark data-testid="counterpart-mark">{ex.mark}</mark>}
        {ex.after}
        {ex.cutAfter && '…'}
      </blockquote>
      {match.counterpartDropped === 'sentence' && (
        <p class="note" data-testid="counterpart-dropped">
          {inTranslation ? t('counterpartNoOriginalSentence') : t('counterpartDroppedSentence')}
        </p>
      )}
    </div>
  );
}
