import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, normalizeSettings, onSettingsChanged, saveSettings, type Settings } from '../../src/ext/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('defaults: check-on-select off, script as selected, language from the browser', async () => {
    expect(await loadSettings()).toEqual({ checkOnSelect: false, script: 'as-selected', uiLanguage: 'auto' });
    expect(DEFAULT_SETTINGS.checkOnSelect).toBe(false);
  });

  it('persists patches and notifies listeners', async () => {
    const seen: Settings[] = [];
    onSettingsChanged((s) => seen.push(s));
    await saveSettings({ script: 'traditional' });
    await saveSettings({ uiLanguage: 'zh_TW' });
    expect(await loadSettings()).toEqual({ checkOnSelect: false, script: 'traditional', uiLanguage: 'zh_TW' });
    expect(seen.at(-1)).toEqual({ checkOnSelect: false, script: 'traditional', uiLanguage: 'zh_TW' });
  });

  it('repairs anything odd found in storage', () => {
    expect(normalizeSettings({ checkOnSelect: 'yes', script: 'klingon', uiLanguage: 'fr' })).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});
