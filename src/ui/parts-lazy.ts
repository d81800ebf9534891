/**
 * The card parts as the select-and-check script sees them (its build maps parts.ts here): each
 * renders the real part from the card extras script when that has run in this frame, and nothing
 * otherwise, so a card whose extras failed to load still shows its verdict and passage.
 */
import { h, type ComponentChildren } from 'preact';
import { loadedExtras, type CardParts } from '../ext/card-extras-contract';

function lazy<K extends keyof CardParts>(name: K): CardParts[K] {
  const Part = (props: Record<string, unknown>): ComponentChildren => {
    const Real = loadedExtras()?.parts[name] as ((p: Record<string, unknown>) => ComponentChildren) | undefined;
    return Real ? h(Real, props) : null;
  };
  return Part as unknown as CardParts[K];
}

export const CleanupNote = lazy('CleanupNote');
export const ContradictionView = lazy('ContradictionView');
export const Counterpart = lazy('Counterpart');
export const Differences = lazy('Differences');
export const MatchSourceLine = lazy('MatchSourceLine');
export const MentionsLink = lazy('MentionsLink');
export const SentenceTally = lazy('SentenceTally');
