/**
 * Build plugins that split the verdict card between the select-and-check script and the card
 * extras script (see src/ext/card-extras-contract.ts); wxt.config.ts adds them per entrypoint.
 */
import { transform } from 'esbuild';
import path from 'node:path';
import type { Plugin } from 'vite';
import { CARD_CORE_KEY, CORE_MODULES } from '../src/ext/card-extras-contract';

const BORROWED = '\0verbatim-core:';
const toPosix = (p: string) => p.split(path.sep).join('/');

/** The select-and-check script: the card's parts module becomes the one that finds them in the extras. */
export function lazyCardParts(root: string): Plugin {
  const parts = path.join(root, 'src/ui/parts.ts');
  const lazy = path.join(root, 'src/ui/parts-lazy.ts');
  return {
    name: 'verbatim:lazy-card-parts',
    enforce: 'pre',
    async resolveId(id, importer, options) {
      if (!importer || !/(^|\/)parts(\.ts)?$/.test(id)) return null;
      const r = await this.resolve(id, importer, { ...options, skipSelf: true });
      return r && path.normalize(r.id) === parts ? lazy : null;
    },
  };
}

/** The select-and-check script gets no WXT content-script context (see src/ext/no-script-context.ts). */
export function noScriptContext(root: string): Plugin {
  return {
    name: 'verbatim:no-script-context',
    enforce: 'pre',
    resolveId(id) {
      return id === 'wxt/utils/content-script-context' ? path.join(root, 'src/ext/no-script-context.ts') : null;
    },
  };
}

/**
 * The card's style sheets ship minified in the scripts put into pages (the sources keep them
 * readable). Only template strings without substitutions are touched: each is a whole sheet.
 */
export function minifyCardCss(root: string): Plugin {
  const sheets = new Set(['src/ui/styles.ts', 'src/ui/styles-extras.ts', 'src/ext/select-watch-css.ts'].map((f) => path.join(root, f)));
  return {
    name: 'verbatim:minify-card-css',
    async transform(code, id) {
      if (!sheets.has(path.normalize(id.split('?')[0]))) return null;
      const found = [...code.matchAll(/`([^`$\\]*)`/g)];
      let out = code;
      for (const m of found.reverse()) {
        const css = (await transform(m[1], { loader: 'css', minify: true })).code.trim();
        out = out.slice(0, m.index) + '`' + css + '`' + out.slice(m.index + m[0].length);
      }
      return { code: out, map: null };
    },
  };
}

/** Source of the module that stands for `id` in the extras script: the core's own exports, read at start. */
export function borrowedModule(id: keyof typeof CORE_MODULES, rename: Record<string, string> = {}): string {
  const names = CORE_MODULES[id];
  return [
    `const m = ((globalThis[${JSON.stringify(CARD_CORE_KEY)}] || {}).modules || {})[${JSON.stringify(id)}] || {};`,
    ...names.map((n) => `export const ${n} = m.${n};`),
    ...Object.entries(rename).map(([as, n]) => `export const ${as} = m.${n};`),
  ].join('\n');
}

/**
 * Outside production (a build under the test runner) the JSX compiles to jsx-dev-runtime, whose
 * jsxDEV is Preact's jsx, and the Preact preset adds its devtools hook: the extras take the
 * former from the core's jsx-runtime and leave the latter out (it would hook a second Preact).
 */
const DEV_RUNTIME = 'preact/jsx-dev-runtime';
const DEV_ONLY = new Set(['preact/debug', 'preact/devtools']);
const EMPTY = '\0verbatim-empty';

/**
 * The card extras script: what CORE_MODULES lists comes from the running select-and-check script
 * (one Preact, one translator context); any other Preact import fails the build, as it would
 * bundle a second copy.
 */
export function borrowFromCore(root: string): Plugin {
  const lent = (id: string): id is keyof typeof CORE_MODULES => Object.hasOwn(CORE_MODULES, id);
  return {
    name: 'verbatim:borrow-from-core',
    enforce: 'pre',
    resolveId(id, importer) {
      if (lent(id)) return BORROWED + id;
      if (id === DEV_RUNTIME) return BORROWED + id;
      if (DEV_ONLY.has(id)) return EMPTY;
      if (/^preact(\/|$)/.test(id)) this.error(`card extras: "${id}" would bundle a second Preact; lend it from the core (CORE_MODULES)`);
      if (!importer || !id.startsWith('.')) return null;
      const abs = path.resolve(path.dirname(importer), id);
      for (const ext of ['', '.ts', '.tsx']) {
        const rel = toPosix(path.relative(root, abs + ext));
        if (lent(rel)) return BORROWED + rel;
      }
      return null;
    },
    load(id) {
      // the preset's hook naming (addHookName) passes the value through when no devtools listen
      if (id === EMPTY) return 'export const addHookName = (value) => value;';
      if (id === BORROWED + DEV_RUNTIME) return borrowedModule('preact/jsx-runtime', { jsxDEV: 'jsx' });
      if (!id.startsWith(BORROWED)) return null;
      return borrowedModule(id.slice(BORROWED.length) as keyof typeof CORE_MODULES);
    },
  };
}
