import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../src/ui/pages.css';
import { buildCitation, copyText } from '../../src/ext/citation';
import { htmlLang, loadT, type T } from '../../src/ext/i18n';
import { sendToBackground } from '../../src/ext/messages';
import { loadSettings } from '../../src/ext/settings';
import { transcriptPath, type CardModel } from '../../src/view/model';
import { extractPage } from '../../src/ext/add-page';
import type { CardActions } from '../../src/ui/actions';
import { I18nContext } from '../../src/ui/i18n-context';
import { Popup, type SelectionState } from '../../src/ui/Popup';
import { CARD_CSS } from '../../src/ui/styles';

const style = document.createElement('style');
style.textContent = CARD_CSS;
document.head.appendChild(style);

/** The tab to read: `?tab=ID` (when the popup page is opened as a tab, e.g. by tests), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function readSelectionText(tabId: number): Promise<string> {
  // Every frame: the quote may be selected inside an embedded article (an iframe).
  const results = await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => {
      const a = document.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
      let text = '';
      try {
        if (a && (a.tagName === 'TEXTAREA' || a.tagName === 'INPUT') && a.selectionEnd != null && a.selectionStart != null && a.selectionEnd > a.selectionStart) {
          text = a.value.slice(a.selectionStart, a.selectionEnd);
        }
      } catch {
        text = '';
      }
      // In the PDF viewer the page is a plugin: its selection never reaches the document.
      const pdf = document.contentType === 'application/pdf';
      return { text: text || (document.getSelection()?.toString() ?? ''), focused: document.hasFocus(), pdf };
    },
  });
  const withText = results.filter((r) => String(r.result?.text ?? '').trim());
  const pick = withText.find((r) => r.result?.focused && r.frameId !== 0) ?? withText.find((r) => r.frameId === 0) ?? withText[0];
  if (!pick && results.some((r) => r.frameId === 0 && r.result?.pdf)) throw new Error('PDF viewer');
  return String(pick?.result?.text ?? '').trim().slice(0, 4000);
}

function openPage(path: string) {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/transcript.html') }).then(() => window.close());
}

async function main() {
  const settings = await loadSettings();
  const { lang, t } = await loadT(settings.uiLanguage);
  document.documentElement.lang = htmlLang(lang);
  document.title = t('popupTitle');
  const app = document.getElementById('app')!;
  let selection: SelectionState = { kind: 'loading' };
  const tabIdForScan = await targetTabId();

  const actions = (model: CardModel, tt: T): CardActions => ({
    openSection(m) {
      openPage(transcriptPath(m.sectionId, m.paragraphId, { start: m.start, end: m.end, script: model.script }, m.source?.id));
    },
    copyCitation(m) {
      return copyText(buildCitation(m, tt, model.videoUrl));
    },
  });
  const draw = () =>
    render(
      <I18nContext.Provider value={t}>
        <Popup
          selection={selection}
          actions={selection.kind === 'result' ? actions(selection.model, t) : { openSection() {}, copyCitation: async () => false }}
          search={async (query) => {
            const r = await sendToBackground({ type: 'verbatim:search', query, limit: 8 });
            return r.ok ? r.hits : [];
          }}
          openHit={(hit) => openPage(transcriptPath(hit.sectionId, hit.paragraphId, undefined, hit.sourceId))}
          openTranscript={() => openPage('/transcript.html')}
          openOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
          scanPage={tabIdForScan == null ? undefined : () => void sendToBackground({ type: 'verbatim:scan', tabId: tabIdForScan }).then(() => window.close())}
          openSources={() => openPage('/sources.html')}
          addThisPage={async () => {
            const tabId = await targetTabId();
            if (tabId == null) throw new Error('no tab');
            const draft = await extractPage(tabId);
            openPage(`/sources.html?draft=${encodeURIComponent(draft)}`);
          }}
        />
      </I18nContext.Provider>,
      app,
    );
  draw();

  const tabId = await targetTabId();
  let text = '';
  try {
    text = tabId == null ? '' : await readSelectionText(tabId);
  } catch {
    selection = { kind: 'unreadable' };
    draw();
    return;
  }
  if (!text) {
    selection = { kind: 'none' };
    draw();
    return;
  }
  const r = await sendToBackground({ type: 'verbatim:check', text }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
  if (r.ok) {
    selection = { kind: 'result', model: r.card };
  } else {
    selection = { kind: 'error', message: r.error };
  }
  draw();
}

void main();
