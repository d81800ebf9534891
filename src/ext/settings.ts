/** User options, persisted in browser.storage.local under one key. */
import { browser } from 'wxt/browser';

import type { DisplayScript } from '../view/model';

export type { DisplayScript };
export type UiLanguage = 'auto' | 'en' | 'zh_CN' | 'zh_TW';

export interface Settings {
  /** Show a check button on every selection (needs optional host access). */
  checkOnSelect: boolean;
  /** Which script passages are shown in. */
  script: DisplayScript;
  /** Interface language; `auto` follows the browser. */
  uiLanguage: UiLanguage;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  checkOnSelect: false,
  script: 'as-selected',
  uiLanguage: 'auto',
});

const SCRIPTS: readonly DisplayScript[] = ['as-selected', 'simplified', 'traditional'];
const LANGS: readonly UiLanguage[] = ['auto', 'en', 'zh_CN', 'zh_TW'];

/** Accepts anything read from storage and returns valid settings (unknown values fall back to defaults). */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    checkOnSelect: checkOnSelectOf(r),
    script: SCRIPTS.includes(r.script as DisplayScript) ? (r.script as DisplayScript) : DEFAULT_SETTINGS.script,
    uiLanguage: LANGS.includes(r.uiLanguage as UiLanguage) ? (r.uiLanguage as UiLanguage) : DEFAULT_SETTINGS.uiLanguage,
  };
}

/** Whether settings as stored (anything) switch check-on-select on. */
function checkOnSelectOf(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && (raw as Partial<Settings>).checkOnSelect === true;
}

async function stored(): Promise<unknown> {
  return (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
}

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await stored());
}

/** The one setting the card script reads (it need not carry the rules for the others). */
export async function loadCheckOnSelect(): Promise<boolean> {
  return checkOnSelectOf(await stored());
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `fn` with the settings as stored whenever they change. Returns an unsubscribe function. */
function onStoredChange(fn: (raw: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) fn(changes[SETTINGS_KEY].newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls `fn` with the new settings whenever they change in storage. Returns an unsubscribe function. */
export function onSettingsChanged(fn: (s: Settings) => void): () => void {
  return onStoredChange((raw) => fn(normalizeSettings(raw)));
}

/** Calls `fn` with check-on-select's new state whenever the settings change. */
export function onCheckOnSelectChanged(fn: (on: boolean) => void): () => void {
  return onStoredChange((raw) => fn(checkOnSelectOf(raw)));
}
