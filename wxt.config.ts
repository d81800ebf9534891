import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Least privilege: no host permissions and no static content script at install.
// - activeTab + scripting: inject the card script into the tab the user acted on
//   (context menu, keyboard shortcut, toolbar popup) and nowhere else.
// - contextMenus: the "Check quote with Verbatim" item.
// - storage: the options (check-on-select, display script, UI language).
// - optional host access (<all_urls>) is requested at runtime only when the user
//   switches check-on-select on in the options page.
export default defineConfig({
  srcDir: '.',
  vite: () => ({ plugins: [preact()] }),
  zip: {
    excludeSources: ['test-results/**', '.output/**', 'docs/screenshots/**', 'node_modules/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'contextMenus', 'storage', 'scripting'],
    optional_host_permissions: ['<all_urls>'],
    action: {
      default_title: '__MSG_actionTitle__',
    },
    commands: {
      'check-selection': {
        suggested_key: { default: 'Alt+Shift+V' },
        description: '__MSG_commandCheck__',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'verbatim@quote-check.extension', strict_min_version: '115.0' } } }
      : {}),
  }),
});
