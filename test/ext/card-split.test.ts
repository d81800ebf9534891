/**
 * The lean card script's plumbing: what the core lends the extras script, how the extras
 * register, the build plugins that split the two, the citations and the one setting the card
 * script reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CARD_CORE_KEY, CORE_MODULES, cardCore, loadedExtras } from '../../src/ext/card-extras-contract';
import { startCardCore } from '../../src/ext/card-core';
import { registerCardExtras } from '../../src/ext/card-extras';
import { borrowFromCore, borrowedModule, lazyCardParts } from '../../scripts/card-split-plugins';
import { withCitations, buildCitation } from '../../src/ext/citation';
import { createT, type Messages } from '../../src/ext/i18n';
import { loadCheckOnSelect, onCheckOnSelectChanged, saveSettings, SETTINGS_KEY } from '../../src/ext/settings';
import { toCardModel, buildScriptTables } from '../../src/view/model';
import type { Transcript } from '../../src/types';
import * as parts from '../../src/ui/parts';
import * as lazyParts from '../../src/ui/parts-lazy';
import { CARD_EXTRAS_CSS } from '../../src/ui/styles-extras';
import { multi, related } from '../ui/fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the core and the extras meet in the frame', () => {
  it('the core lends exactly what CORE_MODULES lists, each a real function or component', () => {
    const w = {};
    const core = startCardCore(w);
    expect(cardCore(w)).toBe(core);
    expect(Object.keys(core.modules).sort()).toEqual(Object.keys(CORE_MODULES).sort());
    for (const [id, names] of Object.entries(CORE_MODULES)) {
      const lent = core.modules[id as keyof typeof CORE_MODULES] as Record<string, unknown>;
      expect(Object.keys(lent).sort(), id).toEqual([...names].sort());
      for (const n of names) expect(lent[n], `${id} ${n}`).toBeTruthy();
    }
    expect(core.extras).toBeNull();
  });

  it('the extras register with the running core only, and a new core starts without them', () => {
    const w = {};
    expect(registerCardExtras(w)).toBe(false);
    expect(loadedExtras(w)).toBeNull();
    startCardCore(w);
    expect(registerCardExtras(w)).toBe(true);
    expect(loadedExtras(w)?.css).toBe(CARD_EXTRAS_CSS);
    expect(Object.keys(loadedExtras(w)!.parts).sort()).toEqual(Object.keys(parts).sort());
    // injected again (another trigger): the new instance renders with its own Preact, so the extras load again
    startCardCore(w);
    expect(loadedExtras(w)).toBeNull();
    expect((w as Record<string, unknown>)[CARD_CORE_KEY]).toBeTruthy();
  });

  it('the lazy parts module offers every part the full one does', () => {
    expect(Object.keys(lazyParts).sort()).toEqual(Object.keys(parts).sort());
  });
});

describe('build plugins', () => {
  const ctx = (resolved?: string) => ({
    error(msg: string): never {
      throw new Error(msg);
    },
    resolve: async () => (resolved ? { id: resolved } : null),
  });
  type Hook = (this: unknown, ...args: unknown[]) => unknown;

  it('the extras take Preact and the lent modules from the core, and fail on any other Preact import', async () => {
    const p = borrowFromCore(ROOT);
    const resolveId = p.resolveId as Hook;
    const load = p.load as Hook;
    expect(resolveId.call(ctx(), 'preact/jsx-runtime', path.join(ROOT, 'src/ui/Counterpart.tsx'))).toBe('\0verbatim-core:preact/jsx-runtime');
    expect(resolveId.call(ctx(), './i18n-context', path.join(ROOT, 'src/ui/Counterpart.tsx'))).toBe('\0verbatim-core:src/ui/i18n-context.ts');
    expect(resolveId.call(ctx(), './excerpt', path.join(ROOT, 'src/ui/Counterpart.tsx'))).toBeNull();
    expect(() => resolveId.call(ctx(), 'preact', path.join(ROOT, 'src/ui/Counterpart.tsx'))).toThrow(/second Preact/);
    expect(() => resolveId.call(ctx(), 'preact/compat', undefined)).toThrow(/second Preact/);
    expect(load.call(ctx(), '\0verbatim-core:preact/jsx-runtime')).toBe(borrowedModule('preact/jsx-runtime'));
    expect(load.call(ctx(), path.join(ROOT, 'src/ui/Counterpart.tsx'))).toBeNull();
    // a build outside production: the dev JSX runtime is the core's jsx; the devtools hook stays out
    expect(load.call(ctx(), resolveId.call(ctx(), 'preact/jsx-dev-runtime', undefined))).toMatch(/export const jsxDEV = m\.jsx;/);
    expect(load.call(ctx(), resolveId.call(ctx(), 'preact/devtools', undefined))).not.toMatch(/import/);
  });

  it('a lent module reads the running core, and is empty (not a crash) without one', async () => {
    const src = borrowedModule('preact/hooks');
    const run = (g: object) => new Function('globalThis', `${src.replace(/export const (\w+) =/g, 'out.$1 =')}; return out;`.replace(/^/, 'const out = {};'))(g);
    const useState = () => 'state';
    expect(run({ [CARD_CORE_KEY]: { modules: { 'preact/hooks': { useState, useId: useState } } } }).useState).toBe(useState);
    expect(run({}).useState).toBeUndefined();
  });

  it('the card script gets parts-lazy.ts for parts.ts, and nothing else changes', async () => {
    const p = lazyCardParts(ROOT);
    const resolveId = p.resolveId as Hook;
    const parts = path.join(ROOT, 'src/ui/parts.ts');
    await expect(resolveId.call(ctx(parts), './parts', path.join(ROOT, 'src/ui/SingleResult.tsx'), {})).resolves.toBe(path.join(ROOT, 'src/ui/parts-lazy.ts'));
    await expect(resolveId.call(ctx(path.join(ROOT, 'src/other/parts.ts')), './parts', path.join(ROOT, 'src/other/x.ts'), {})).resolves.toBeNull();
    await expect(resolveId.call(ctx(parts), './Passage', path.join(ROOT, 'src/ui/MatchDetail.tsx'), {})).resolves.toBeNull();
  });
});

describe('citations written by the background', () => {
  const t = createT(JSON.parse(fs.readFileSync(path.join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Messages);
  const transcript = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/transcript.json'), 'utf8')) as Transcript;
  const view = (r: Parameters<typeof toCardModel>[0]) => toCardModel(r, { transcript, tables: buildScriptTables(transcript), setting: 'as-selected' });

  it('every passage, segments included, carries the citation Copy citation would have built', () => {
    for (const card of [view(related), view(multi)]) {
      const out = withCitations(card, t);
      const all = [...out.matches, ...(out.segments ?? []).flatMap((s) => s.matches)];
      expect(all.length).toBeGreaterThan(0);
      for (const m of all) expect(m.citation).toBe(buildCitation({ ...m, citation: undefined }, t, card.videoUrl));
    }
  });
});

describe('the one setting the card script reads', () => {
  beforeEach(() => fakeBrowser.reset());

  it('check-on-select: off by default and for anything odd, on only for true, and followed when it changes', async () => {
    expect(await loadCheckOnSelect()).toBe(false);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { checkOnSelect: 'yes' } });
    expect(await loadCheckOnSelect()).toBe(false);
    const seen: boolean[] = [];
    const off = onCheckOnSelectChanged((on) => seen.push(on));
    await saveSettings({ checkOnSelect: true });
    expect(await loadCheckOnSelect()).toBe(true);
    await saveSettings({ script: 'traditional' });
    off();
    await saveSettings({ checkOnSelect: false });
    expect(seen).toEqual([true, true]);
  });
});
