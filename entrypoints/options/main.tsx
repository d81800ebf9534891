import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../src/ui/pages.css';
import { htmlLang, loadT } from '../../src/ext/i18n';
import { loadSettings, onSettingsChanged, saveSettings, type Settings } from '../../src/ext/settings';
import { I18nContext } from '../../src/ui/i18n-context';
import { OptionsForm } from '../../src/ui/OptionsForm';

const ALL_URLS = { origins: ['<all_urls>'] };

/**
 * Check-on-select needs host access on every site. It is optional: asked for here, at the
 * moment the user switches the option on, and given back when they switch it off.
 */
function setCheckOnSelect(on: boolean): Promise<boolean> {
  if (!on) {
    return saveSettings({ checkOnSelect: false })
      .then(() => browser.permissions.remove(ALL_URLS))
      .then(() => true);
  }
  // permissions.request must be the first call in the click handler (user gesture).
  return browser.permissions.request(ALL_URLS).then(async (granted) => {
    await saveSettings({ checkOnSelect: granted });
    return granted;
  });
}

async function main() {
  const app = document.getElementById('app')!;
  let settings: Settings = await loadSettings();
  const commands = await browser.commands.getAll().catch(() => []);
  const shortcut = commands.find((c) => c.name === 'check-selection')?.shortcut ?? '';

  const draw = async () => {
    const { lang, t } = await loadT(settings.uiLanguage);
    document.documentElement.lang = htmlLang(lang);
    document.title = t('optionsTitle');
    render(
      <I18nContext.Provider value={t}>
        <OptionsForm
          settings={settings}
          shortcut={shortcut}
          setCheckOnSelect={setCheckOnSelect}
          save={async (patch) => {
            settings = await saveSettings(patch);
          }}
        />
      </I18nContext.Provider>,
      app,
    );
  };
  onSettingsChanged((s) => {
    settings = s;
    void draw();
  });
  await draw();
  document.body.dataset.ready = 'true';
}

void main();
