import { useState } from 'preact/hooks';
import type { DisplayScript, Settings, UiLanguage } from '../ext/settings';
import { useT } from './i18n-context';

interface Props {
  settings: Settings;
  /** Switches check-on-select; resolves false when host access was refused. */
  setCheckOnSelect(on: boolean): Promise<boolean>;
  save(patch: Partial<Settings>): Promise<void>;
  /** The keyboard shortcut as the browser reports it ('' when unset). */
  shortcut: string;
}

const SCRIPTS: Array<[DisplayScript, string]> = [
  ['as-selected', 'scriptAsSelected'],
  ['simplified', 'scriptSimplified'],
  ['traditional', 'scriptTraditional'],
];
const LANGUAGES: Array<[UiLanguage, string]> = [
  ['auto', ''],
  ['en', 'English'],
  ['zh_CN', '简体中文'],
  ['zh_TW', '繁體中文'],
];

/** The options page form: check-on-select, display script, interface language. */
// Each browser has its own page for changing extension shortcuts: a Firefox user told to open
// chrome://extensions/shortcuts would find nothing there.
const SHORTCUT_HINT = import.meta.env.FIREFOX ? 'shortcutHintFirefox' : 'shortcutHint';

export function OptionsForm({ settings, setCheckOnSelect, save, shortcut }: Props) {
  const t = useT();
  const [status, setStatus] = useState('');
  const [warn, setWarn] = useState(false);
  const done = (ok: boolean, message = t('saved')) => {
    setWarn(!ok);
    setStatus(message);
  };
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>
        <a href="/sources.html" target="_blank" rel="noopener" data-testid="opt-sources">
          {t('sourcesLink')}
        </a>{' '}
        <span class="help">{t('sourcesIntro')}</span>
      </p>
      <fieldset>
        <legend>{t('checkOnSelect')}</legend>
        <label>
          <input
            type="checkbox"
            data-testid="opt-check-on-select"
            checked={settings.checkOnSelect}
            aria-describedby="cos-help"
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              // Must run inside the click: the permission request needs the user gesture.
              setCheckOnSelect(on).then(
                (ok) => done(ok, ok ? t('saved') : t('permissionDenied')),
                (err: unknown) => done(false, String(err)),
              );
            }}
          />
          {t('checkOnSelect')}
        </label>
        <p id="cos-help" class="help">
          {t('checkOnSelectHelp')}
        </p>
        {shortcut && <p class="help" data-testid="shortcut-hint">{t(SHORTCUT_HINT, shortcut)}</p>}
      </fieldset>
      <fieldset>
        <legend>{t('displayScript')}</legend>
        {SCRIPTS.map(([value, key]) => (
          <label key={value}>
            <input
              type="radio"
              name="script"
              value={value}
              data-testid={`opt-script-${value}`}
              checked={settings.script === value}
              onChange={() => save({ script: value }).then(() => done(true))}
            />
            {t(key)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>
          <label for="ui-lang" style="display:inline">
            {t('uiLanguage')}
          </label>
        </legend>
        <select
          id="ui-lang"
          data-testid="opt-ui-language"
          value={settings.uiLanguage}
          onChange={(e) => save({ uiLanguage: (e.currentTarget as HTMLSelectElement).value as UiLanguage }).then(() => done(true))}
        >
          {LANGUAGES.map(([value, name]) => (
            <option key={value} value={value}>
              {value === 'auto' ? t('langAuto') : name}
            </option>
          ))}
        </select>
      </fieldset>
      <p class={`status${warn ? ' warn' : ''}`} role="status" aria-live="polite" data-testid="opt-status">
        {status}
      </p>
      <p class="help" data-testid="opt-credits">{t('creditsDictionary')}</p>
    </main>
  );
}
