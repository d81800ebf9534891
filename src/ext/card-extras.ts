/**
 * The card extras script's work (entrypoints/card-extras.ts): hand the card parts that only some
 * results show, and their styles, to the select-and-check script running in this frame.
 */
import * as parts from '../ui/parts';
import { CARD_EXTRAS_CSS } from '../ui/styles-extras';
import { cardCore } from './card-extras-contract';

/** False when no core runs here (nothing to render with: the parts are not registered). */
export function registerCardExtras(w: object = globalThis): boolean {
  const core = cardCore(w);
  if (!core) return false;
  core.extras = { parts, css: CARD_EXTRAS_CSS };
  return true;
}
