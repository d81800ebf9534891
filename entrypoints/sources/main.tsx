import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../src/ui/pages.css';
import { htmlLang, loadT } from '../../src/ext/i18n';
import { loadSettings } from '../../src/ext/settings';
import { draftFromFile, draftFromPage, draftFromPaste, draftToSource, packFileName, readPackFile, sourcesApi } from '../../src/ext/sources-page';
import { transcriptPath } from '../../src/view/model';
import type { ParseResult } from '../../src/sources/parse';
import { uiLocale } from '../../src/ui/counts';
import { I18nContext } from '../../src/ui/i18n-context';
import { SourcesPage } from '../../src/ui/SourcesPage';

/** `?draft=<id>`: the article "Add this page" extracted, shown as a preview (never saved unseen). */
async function initialDraft(): Promise<ParseResult | null> {
  const id = new URLSearchParams(location.search).get('draft');
  if (!id) return null;
  const r = await sourcesApi.takeDraft(id);
  // The draft is taken once: a reload must not show a stale preview.
  history.replaceState(null, '', location.pathname);
  return r.ok ? draftFromPage(r.draft) : r;
}

function download(pack: unknown, name: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(pack, null, 1)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function main() {
  const settings = await loadSettings();
  const { lang, t } = await loadT(settings.uiLanguage);
  document.documentElement.lang = htmlLang(lang);
  document.title = `Verbatim — ${t('sourcesTitle')}`;
  const initial = await initialDraft();
  render(
    <I18nContext.Provider value={t}>
      <SourcesPage
        api={sourcesApi}
        readFile={(file) => draftFromFile(file, uiLocale(t))}
        readPaste={(text) => draftFromPaste(text)}
        readPack={(file) => readPackFile(file, uiLocale(t))}
        toSource={(d) => draftToSource(d)}
        download={(pack) => download(pack, packFileName(pack))}
        openSource={(id, hit) => {
          const path = hit ? transcriptPath(hit.sectionId, hit.paragraphId, undefined, id) : id === 'builtin' ? '/transcript.html' : `/transcript.html?source=${encodeURIComponent(id)}`;
          void browser.tabs.create({ url: browser.runtime.getURL(path as '/transcript.html') });
        }}
        initial={initial}
      />
    </I18nContext.Provider>,
    document.getElementById('app')!,
  );
  document.body.dataset.ready = 'true';
}

void main();
