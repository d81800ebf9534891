import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { borrowFromCore, lazyCardParts, minifyCardCss, noScriptContext } from './scripts/card-split-plugins';

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
  hooks: {
    // The select-and-check script holds what every check needs; the card parts only some results
    // show come in the card extras script, which renders with the core's Preact (two copies would
    // break hooks). See src/ext/card-extras-contract.ts.
    'vite:build:extendConfig'(entrypoints, config) {
      const names = entrypoints.map((e) => e.name);
      const root = import.meta.dirname;
      if (names.includes('content')) config.plugins = [...(config.plugins ?? []), lazyCardParts(root), noScriptContext(root), minifyCardCss(root)];
      // The check-on-select watcher (registered in every page) carries only the button's sheet.
      if (names.includes('select-watch')) config.plugins = [...(config.plugins ?? []), minifyCardCss(root)];
      if (names.includes('card-extras')) config.plugins = [...(config.plugins ?? []), borrowFromCore(root), minifyCardCss(root)];
    },
  },
  zip: {
    // The Firefox sources zip holds what a reviewer needs to rebuild: no build or test output.
    excludeSources: [
      'node_modules/**',
      '.output/**',
      'test-results/**',
      'web-ext-artifacts/**',
      'coverage/**',
      'docs/screenshots/**',
      'scratch/**',
      '**/*.log',
    ],
  },
  manifest: ({ browser, manifestVersion, command }) => ({
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
      'scan-page': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandScan__',
      },
    },
    // Extension pages and the worker load nothing but the extension's own files: no remote
    // script, fetch, image, font or frame (default-src 'self'); inline <style> stays allowed for
    // the card styles. WXT turns this into the MV2 string for Firefox. `wxt dev` needs its dev
    // server, so only script-src/object-src apply there.
    content_security_policy: {
      extension_pages: [
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        ...(command === 'build' ? ["default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:"] : []),
      ].join('; '),
    },
    // MV2 has no optional_host_permissions (WXT drops the key): check-on-select asks for the
    // same access through optional_permissions there.
    ...(manifestVersion === 2 ? { optional_permissions: ['<all_urls>'] } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'verbatim@quote-check.extension',
              strict_min_version: '115.0',
              // Verbatim collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
