/**
 * The select-and-check script's side of the card extras contract (card-extras-contract.ts): it
 * lends its Preact JSX runtime and translator hook to the extras script, which renders with
 * them, and holds the extras once they ran in this frame.
 */
import { useId, useState } from 'preact/hooks';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import { useT } from '../ui/i18n-context';
import { VerdictBadge } from '../ui/VerdictBadge';
import { setCardCore, type CardCore } from './card-extras-contract';

/** Publishes this instance's core (a later injection replaces it, and its extras are loaded again). */
export function startCardCore(w: object = globalThis): CardCore {
  const core: CardCore = {
    modules: {
      'preact/jsx-runtime': { jsx, jsxs, Fragment },
      'preact/hooks': { useId, useState },
      'src/ui/i18n-context.ts': { useT },
      'src/ui/VerdictBadge.tsx': { VerdictBadge },
    },
    extras: null,
  };
  setCardCore(core, w);
  return core;
}
