/**
 * A fresh install, no permission granted beyond the manifest's: no host access, no content
 * script anywhere, and the triggers only work through activeTab (a real user gesture).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXT_DIR, launch, selectElementText, serveFixtures, tabIdOf, triggerMenu, type Browser, type Fixtures } from './harness';

let fx: Fixtures;
let b: Browser;

beforeAll(async () => {
  fx = await serveFixtures();
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await fx?.close();
});

describe('least privilege at install', () => {
  it('the manifest asks for no host access and declares no content script', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8'));
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.commands['check-selection'].suggested_key.default).toBe('Alt+Shift+V');
  });

  it('the installed extension holds no origins and has registered no script', async () => {
    const w = await b.worker();
    const perms = await w.evaluate(() => (globalThis as any).chrome.permissions.getAll());
    expect(perms.origins).toEqual([]);
    expect(await w.evaluate(async () => (await (globalThis as any).chrome.scripting.getRegisteredContentScripts()).length)).toBe(0);
    // The localized name resolves from _locales.
    expect(await w.evaluate(() => (globalThis as any).chrome.runtime.getManifest().name)).toBe('Verbatim');
  });

  it('nothing runs on a page by default: selecting text shows no button and no card', async () => {
    const page = await b.context.newPage();
    await page.goto(`${fx.url}/news-zh-hans.html`);
    await selectElementText(page, '#q-verbatim');
    await page.locator('#q-verbatim').dispatchEvent('mouseup');
    await page.waitForTimeout(300);
    await expect(page.locator('verbatim-check, verbatim-card').count()).resolves.toBe(0);

    // Without the user's gesture (activeTab) the worker cannot inject into the page.
    await expect(triggerMenu(b, page, 'x')).rejects.toThrow(/Cannot access|permission/i);

    // The popup cannot read the selection of a page it was not granted: it says so.
    const tabId = await tabIdOf(b, page);
    const popup = await b.context.newPage();
    await popup.goto(b.extUrl(`popup.html?tab=${tabId}`));
    await expect
      .poll(() => popup.getByTestId('popup-selection').getAttribute('data-state'))
      .toBe('unreadable');
    await popup.close();
    await page.close();
  });
});
