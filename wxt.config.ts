import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  srcDir: '.',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Verbatim',
    description: 'Did Dario Amodei really say that? Checks a selected quote against the interview transcript, offline.',
    permissions: ['activeTab', 'contextMenus', 'storage', 'scripting'],
  },
});
