/**
 * Background service worker: owns the matcher (built lazily, rebuilt after the worker is
 * stopped), the context menu, the keyboard shortcut, opening the transcript page, and the
 * check-on-select content script registration.
 */
import { browser, type Browser } from 'wxt/browser';
import transcriptJson from '../data/transcript.json';
import glossJson from '../data/gloss.en.json';
import { createMatcher } from '../src/match/index';
import type { Transcript } from '../src/types';
import { createT, loadT } from '../src/ext/i18n';
import {
  isBackgroundRequest,
  type BackgroundRequest,
  type CheckBatchResponse,
  type CheckResponse,
  type OpenResponse,
  type SearchResponse,
  type ShowCardMessage,
  type ShowCardResult,
  type StringsResponse,
  type PeopleResponse,
} from '../src/ext/messages';
import { peopleFromSpeakers } from '../src/people/aliases';
import { createService, type Service } from '../src/ext/service';
import { createSourcesService, isSourcesRequest } from '../src/ext/sources-service';
import { createPairing, handlePairRequest, isPairRequest } from '../src/ext/pairs';
import { createDictionaryLoader } from '../src/ext/dictionary-loader';
import { DICTIONARY_URL } from '../src/xlang/dictionary';
import { SourcesStore } from '../src/store/sources-store';
import { loadSettings, onSettingsChanged, saveSettings, type Settings } from '../src/ext/settings';
import { transcriptPath, withGlosses } from '../src/view/model';
import { checkBatch, scanTab } from '../src/ext/scan-batch';
import { ALL_URLS, CONTENT_SCRIPT_FILE, injectCardExtras, injectCardScript, reinjectOpenTabs, selectionFrame, syncCheckOnSelect } from '../src/ext/page-scripts';
import { extrasNeeded } from '../src/ui/extras-needed';
import { withCitations } from '../src/ext/citation';
import { createTimings } from '../src/ext/startup-timings';
import { createEarlyCheck } from '../src/ext/early-check';
import { BUILTIN_INDEX_URL, createBuiltinIndexLoader } from '../src/sources/builtin-index';

const MENU_ID = 'verbatim-check';
const COMMAND = 'check-selection';
// "Check this page": a separate script, injected only on that gesture (it carries the quote
// finder, Readability and the panel, which the select-and-check script does without).
const SCAN_MENU_ID = 'verbatim-scan';
const SCAN_COMMAND = 'scan-page';

export default defineBackground(() => {
  // Where the first check after a worker start spends its time (read by the e2e).
  const timings = createTimings();
  timings.worker('scriptEvaluated');
  const transcript = transcriptJson as unknown as Transcript;
  const gloss = (glossJson as { gloss?: Record<string, string> }).gloss;
  // The built-in transcript's indexes are prebuilt (public/builtin-index.bin): read, not built.
  const builtinIndex = createBuiltinIndexLoader(async () => (await fetch(browser.runtime.getURL(BUILTIN_INDEX_URL as '/transcript.html'))).arrayBuffer(), transcript, gloss);
  // The matcher is made on the first request (after the prebuilt index was read, see sources.check).
  const service: Service = createService(transcript, gloss, (t, g) => createMatcher(t, g, { storedIndex: () => builtinIndex.current?.index }));
  // Readers' sources live in IndexedDB and are loaded on the first check after a start.
  const store = new SourcesStore();
  const pairing = createPairing({ store, transcript, gloss });
  // The bilingual dictionary (reduced CC-CEDICT): fetched by the warm-up or the first check only
  // when the enabled sources mix Chinese and another language.
  const dictionary = createDictionaryLoader(() => timings.time('dictionaryFetch', async () => (await fetch(browser.runtime.getURL(DICTIONARY_URL as '/transcript.html'))).text()));
  const sources = createSourcesService({ store, builtin: service, transcript, gloss, pairing, dictionary, timings, builtinIndex });

  // Warm up at every worker start (browser start, or a message waking it), without holding any
  // listener back: the first check awaits the same loads and finds the matchers built.
  setTimeout(() => void sources.warmUp().catch((e: unknown) => console.warn('Verbatim: warm-up', e)), 0);

  async function strings(settings: Settings) {
    const { lang, messages } = await loadT(settings.uiLanguage);
    const en = lang === 'en' ? messages : (await loadT('en')).messages;
    return { lang, messages: { ...en, ...messages } };
  }

  async function handle(msg: BackgroundRequest, sender: Browser.runtime.MessageSender): Promise<unknown> {
    if (isSourcesRequest(msg)) return sources.handle(msg);
    if (isPairRequest(msg)) return handlePairRequest(msg, pairing, () => store.enabledSources());
    // The check-on-select button in a frame without the card script: bring it in, then it checks.
    if (msg.type === 'verbatim:card-script') return injectCardScript(sender.tab?.id, sender.frameId);
    // a check without a menu click (check-on-select) is a timeline of its own
    const ownTimeline = msg.type === 'verbatim:check' && !timings.open;
    if (msg.type === 'verbatim:check') timings.stamp('checkRequest');
    try {
      return await answer(msg, sender);
    } finally {
      if (ownTimeline) timings.end('responded');
    }
  }

  async function checkAnswer(text: string): Promise<CheckResponse> {
    // from here on the warm-up waits for this check (it may have been woken by it)
    const release = sources.busy();
    try {
      const settings = await loadSettings();
      timings.stamp('settingsRead');
      // the interface strings (locale files, fetched once per worker) load while the check runs
      const uiLoading = strings(settings);
      uiLoading.catch(() => undefined);
      const { card, timing } = await sources.check(text, settings.script);
      const ui = await uiLoading;
      return { ok: true, card: withCitations(withGlosses(card, ui.lang), createT(ui.messages)), timing, ...ui };
    } finally {
      release();
    }
  }

  // the menu's selection is checked while the card script is injected (src/ext/early-check.ts)
  const early = createEarlyCheck(checkAnswer);

  async function answer(msg: Exclude<BackgroundRequest, { type: `verbatim:sources:${string}` }>, sender: Browser.runtime.MessageSender): Promise<unknown> {
    if (msg.type === 'verbatim:check') {
      const text = String(msg.text ?? '');
      const out = await early.answer(text);
      // The card script in a page asks: bring the parts this card shows that its frame lacks.
      const tabId = sender.tab?.id;
      if (out.ok && msg.extras === false && tabId != null && sender.frameId != null && extrasNeeded(out.card)) await injectCardExtras(tabId, sender.frameId);
      timings.stamp('responded');
      return out;
    }
    const settings = await loadSettings();
    switch (msg.type) {
      case 'verbatim:search': {
        const hits = await sources.search(String(msg.query ?? ''), Math.min(Math.max(msg.limit ?? 8, 1), 20), settings.script);
        return { ok: true, hits, ...(await strings(settings)) } satisfies SearchResponse;
      }
      case 'verbatim:open': {
        // A paired source opens side by side with its translation or original.
        const parallel = await pairing.parallelPath(msg.sourceId, msg.paragraphId);
        const url = browser.runtime.getURL(
          (parallel ?? transcriptPath(msg.sectionId, msg.paragraphId, { start: msg.start ?? 0, end: msg.end ?? 0, script: msg.script }, msg.sourceId, Array.isArray(msg.spans) ? msg.spans : undefined)) as '/transcript.html',
        );
        const tab = sender.tab;
        await browser.tabs.create({ url, ...(tab?.id != null ? { openerTabId: tab.id, index: tab.index + 1 } : {}) });
        return { ok: true } satisfies OpenResponse;
      }
      case 'verbatim:strings':
        return { ok: true, ...(await strings(settings)) } satisfies StringsResponse;
      case 'verbatim:people':
        return { ok: true, people: (await store.enabledSources()).flatMap((s) => peopleFromSpeakers(s.speakers)) } satisfies PeopleResponse;
      case 'verbatim:check-batch': {
        const ui = await strings(settings);
        const { cards, checkMs } = await checkBatch(msg.texts, async (text) => withGlosses((await sources.check(text, settings.script)).card, ui.lang));
        return { ok: true, cards, checkMs, ...ui } satisfies CheckBatchResponse;
      }
      case 'verbatim:scan':
        return { ok: true, ...(await scanTab(msg.tabId)) };
    }
  }

  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    if (!isBackgroundRequest(msg)) return undefined;
    return handle(msg, sender).catch((e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }));
  });

  /** Injects the card script into the tab (activeTab grants this after a menu click or the shortcut) and asks it to show the card. */
  async function showInTab(tabId: number, trigger: ShowCardMessage['trigger'], selectionText?: string, frameId = 0): Promise<ShowCardResult> {
    timings.begin('menuClick');
    early.begin(selectionText);
    try {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CONTENT_SCRIPT_FILE] });
      timings.stamp('injected');
      const msg: ShowCardMessage = { type: 'verbatim:show', trigger, selectionText };
      return (await browser.tabs.sendMessage(tabId, msg, { frameId })) as ShowCardResult;
    } finally {
      early.clear();
      timings.end('shown');
    }
  }

  /** The context-menu handler (also called by tests through the worker: menus cannot be clicked headless). */
  async function handleMenuClick(info: { menuItemId: string | number; selectionText?: string; frameId?: number }, tab?: { id?: number }) {
    if (info.menuItemId === SCAN_MENU_ID && tab?.id != null) return scanTab(tab.id);
    if (info.menuItemId !== MENU_ID || tab?.id == null) return { shown: false, reason: 'no tab' };
    const frameId = info.frameId ?? 0;
    try {
      return await showInTab(tab.id, 'menu', info.selectionText, frameId);
    } catch (e) {
      // A frame we may not script (another origin under activeTab): show the card in the top
      // page instead, for the text the menu reported.
      if (frameId === 0) throw e;
      return showInTab(tab.id, 'menu', info.selectionText, 0);
    }
  }

  /** The keyboard-shortcut handler. */
  async function handleCommand(command: string, tab?: { id?: number }) {
    if (command !== COMMAND && command !== SCAN_COMMAND) return { shown: false, reason: 'unknown command' };
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id == null) return { shown: false, reason: 'no tab' };
    if (command === SCAN_COMMAND) return scanTab(id);
    return showInTab(id, 'command', undefined, await selectionFrame(id));
  }

  browser.contextMenus.onClicked.addListener((info, tab) => {
    handleMenuClick(info, tab).catch((e) => console.warn('Verbatim:', e));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    handleCommand(command, tab).catch((e) => console.warn('Verbatim:', e));
  });

  /** The menu item follows the "Interface language" option (browser.i18n alone would follow the browser). */
  async function menuTitle(key = 'menuCheck'): Promise<string> {
    try {
      return (await loadT((await loadSettings()).uiLanguage)).t(key);
    } catch {
      return browser.i18n.getMessage(key as 'menuCheck');
    }
  }

  async function createMenu() {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: MENU_ID, title: await menuTitle(), contexts: ['selection'] });
    browser.contextMenus.create({ id: SCAN_MENU_ID, title: await menuTitle('menuScan'), contexts: ['page'] });
  }

  const sync = () => syncCheckOnSelect().catch((e) => console.warn('Verbatim:', e));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    createMenu().catch((e) => console.warn('Verbatim:', e));
    syncCheckOnSelect()
      .then(({ registered }) => (registered && (reason === 'update' || reason === 'install') ? reinjectOpenTabs() : undefined))
      .catch((e) => console.warn('Verbatim:', e));
  });
  browser.runtime.onStartup.addListener(sync);
  onSettingsChanged(() => {
    sync();
    menuTitle()
      .then((title) => browser.contextMenus.update(MENU_ID, { title }))
      .catch((e) => console.warn('Verbatim:', e));
    menuTitle('menuScan')
      .then((title) => browser.contextMenus.update(SCAN_MENU_ID, { title }))
      .catch((e) => console.warn('Verbatim:', e));
  });
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(async () => {
    // Host access revoked from the browser's UI: switch the option off so the page says so.
    if (!(await browser.permissions.contains(ALL_URLS))) await saveSettings({ checkOnSelect: false });
    sync();
  });

  // For automated tests and debugging from the worker's console: the same functions the listeners call.
  Object.assign(globalThis, {
    verbatimBackground: { handleMenuClick, handleCommand, showInTab, scanTab, syncCheckOnSelect, timings: () => timings.snapshot(), get matcherWarm() { return service.warm; } },
  });
});
