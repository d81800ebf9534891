/**
 * The card parts as the select-and-check script sees them (its build maps parts.ts here): each
 * renders the real part from the card extras script when that has run in this frame, and its
 * fallback otherwise (mostly nothing), so a card whose extras failed to load still shows every
 * verdict and passage.
 */
import { h, type ComponentChildren } from 'preact';
import { loadedExtras, type CardParts } from '../ext/card-extras-contract';

type Props = Record<string, unknown>;

function lazy<K extends keyof CardParts>(name: K, fallback?: (props: never) => ComponentChildren): CardParts[K] {
  const Part = (props: Props): ComponentChildren => {
    const Real = loadedExtras()?.parts[name] as ((p: Props) => ComponentChildren) | undefined;
    return Real ? h(Real, props) : fallback ? h(fallback as (p: Props) => ComponentChildren, props) : null;
  };
  return Part as unknown as CardParts[K];
}

export const CleanupNote = lazy('CleanupNote');
export const ContradictionView = lazy('ContradictionView');
export const Counterpart = lazy('Counterpart');
export const Differences = lazy('Differences');
export const MatchSourceLine = lazy('MatchSourceLine');
export const MentionsLink = lazy('MentionsLink');
/** Without the rows (and their styles): each quote's full result, one after the other. */
export const SegmentsBody = lazy('SegmentsBody', ({ model, actions, Result }: Parameters<CardParts['SegmentsBody']>[0]) =>
  (model.segments ?? []).map((s, i) => h('div', { key: i, 'data-testid': 'segment', 'data-verdict': s.verdict }, h(Result, { model: s, actions }))),
);
