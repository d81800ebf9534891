/**
 * The contract between the select-and-check script (the "core", content-scripts/content.js) and
 * the card extras script (card-extras.js): the parts of the card that only some results show
 * (contradiction, counterpart, cleanup note, differences, sentence tally, mentions link, a
 * reader's source line) and their styles. The background injects the extras into the frame only
 * when the card it is about to send needs them (see extrasNeeded).
 *
 * Both scripts run in the same isolated world of the frame and meet on a window property the
 * page cannot see. The extras script must render with the core's Preact (two copies break hooks
 * and context): its build maps the imports listed in CORE_MODULES to what the core lends here
 * (wxt.config.ts). No runtime imports in this file: the build config reads it.
 */
import type * as Parts from '../ui/parts';

/** Window property holding the running core's CardCore (isolated world: invisible to the page). */
export const CARD_CORE_KEY = '__verbatimCardCore__';

/** The extras script as built by WXT (an unlisted script). */
export const CARD_EXTRAS_FILE = '/card-extras.js';

/**
 * What the core lends the extras script, by module (a package name or a path from the project
 * root), with the names it lends. The extras build fails on any other Preact import.
 */
export const CORE_MODULES = {
  'preact/jsx-runtime': ['jsx', 'jsxs', 'Fragment'],
  'preact/hooks': ['useId', 'useState'],
  'src/ui/i18n-context.ts': ['useT'],
  'src/ui/VerdictBadge.tsx': ['VerdictBadge'],
} as const satisfies Record<string, readonly string[]>;

export type CardParts = typeof Parts;

export interface CardExtras {
  parts: CardParts;
  /** Styles of those parts, added to a card's shadow root next to the core styles. */
  css: string;
}

export interface CardCore {
  modules: { [M in keyof typeof CORE_MODULES]: Record<(typeof CORE_MODULES)[M][number], unknown> };
  /** Set by the extras script once it ran in this frame; null until then. */
  extras: CardExtras | null;
}

type CoreWindow = { [CARD_CORE_KEY]?: CardCore };

/** The core running in this frame, if any. */
export function cardCore(w: object = globalThis): CardCore | undefined {
  return (w as CoreWindow)[CARD_CORE_KEY];
}

export function setCardCore(core: CardCore, w: object = globalThis): void {
  (w as CoreWindow)[CARD_CORE_KEY] = core;
}

/** The extras loaded for the running core, or null (not needed yet, or failed to load). */
export function loadedExtras(w: object = globalThis): CardExtras | null {
  return cardCore(w)?.extras ?? null;
}
