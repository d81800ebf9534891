import { render } from 'preact';
import '../../src/ui/pages.css';
import transcriptJson from '../../data/transcript.json';
import glossJson from '../../data/gloss.en.json';
import type { Transcript } from '../../src/types';
import { htmlLang, loadT } from '../../src/ext/i18n';
import { loadSettings } from '../../src/ext/settings';
import { parseSpansParam, parseTranscriptHash, type Script } from '../../src/view/model';
import { I18nContext } from '../../src/ui/i18n-context';
import { TranscriptPage } from '../../src/ui/TranscriptPage';
import { loadImportedSource } from '../../src/ext/transcript-source';

const builtinTranscript = transcriptJson as unknown as Transcript;
const gloss = (glossJson as { gloss: Record<string, string> }).gloss;

function spanFromUrl(): { start: number; end: number } | null {
  const m = /^(\d+)-(\d+)$/.exec(new URLSearchParams(location.search).get('span') ?? '');
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

async function main() {
  const settings = await loadSettings();
  const { lang, t } = await loadT(settings.uiLanguage);
  document.documentElement.lang = htmlLang(lang);
  // `?source=<id>`: a reader's source, from the store (through the background).
  const imported = await loadImportedSource(new URLSearchParams(location.search).get('source'));
  const transcript = imported?.ok ? imported.transcript : builtinTranscript;
  document.title = `Verbatim — ${imported?.ok ? transcript.meta.title : t('transcriptHeading')}`;
  const fromUrl = new URLSearchParams(location.search).get('script');
  let script: Script =
    fromUrl === 'simplified' || fromUrl === 'traditional' ? fromUrl : settings.script === 'simplified' ? 'simplified' : 'traditional';
  const app = document.getElementById('app')!;
  let span = spanFromUrl();
  let spans = parseSpansParam(new URLSearchParams(location.search).get('spans'));
  // The English gloss accompanies the Chinese when the interface is English (or the link asks).
  const glossParam = new URLSearchParams(location.search).get('gloss');
  let showGloss = glossParam ? glossParam === '1' : lang === 'en';
  const draw = () =>
    render(
      <I18nContext.Provider value={t}>
        <TranscriptPage
          transcript={transcript}
          script={script}
          target={parseTranscriptHash(location.hash)}
          span={span}
          spans={spans}
          onScript={(s) => {
            script = s;
            draw();
          }}
          gloss={imported ? {} : gloss}
          showGloss={showGloss && !imported}
          imported={imported?.ok ? imported.imported : undefined}
          onShowGloss={(show) => {
            showGloss = show;
            draw();
          }}
        />
      </I18nContext.Provider>,
      app,
    );
  if (imported && !imported.ok) {
    const p = document.createElement('p');
    p.className = 'missing';
    p.setAttribute('role', 'alert');
    p.dataset.testid = 'source-missing';
    p.textContent = imported.error;
    document.body.prepend(p);
  }
  window.addEventListener('hashchange', () => {
    span = null; // a span belongs to the link that opened the page
    spans = [];
    draw();
  });
  draw();
  document.body.dataset.ready = 'true';
}

void main();
