/**
 * `parallel.html?translation=<source id>&at=<translation paragraph id>` (or `&original=<original
 * paragraph id>`): a translation next to its original.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../src/ui/pages.css';
import { htmlLang, loadT } from '../../src/ext/i18n';
import type { PairRequest, PairResponse } from '../../src/ext/pairs';
import { loadSettings } from '../../src/ext/settings';
import { I18nContext } from '../../src/ui/i18n-context';
import { ParallelPage } from '../../src/ui/ParallelPage';

const ask = (msg: PairRequest) => browser.runtime.sendMessage(msg) as Promise<PairResponse>;

async function main() {
  const settings = await loadSettings();
  const { lang, t } = await loadT(settings.uiLanguage);
  document.documentElement.lang = htmlLang(lang);
  document.title = `Verbatim — ${t('parallelTitle')}`;
  const params = new URLSearchParams(location.search);
  const translationId = params.get('translation') ?? '';
  render(
    <I18nContext.Provider value={t}>
      <ParallelPage
        load={() => ask({ type: 'verbatim:pairs:get', translationId })}
        correct={(translation, original) => ask({ type: 'verbatim:pairs:correct', translationId, translation, original })}
        focus={params.get('at') ? { side: 'translation', id: params.get('at')! } : params.get('original') ? { side: 'original', id: params.get('original')! } : undefined}
      />
    </I18nContext.Provider>,
    document.getElementById('app')!,
  );
  document.body.dataset.ready = 'true';
}

void main();
