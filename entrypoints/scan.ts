import { startScan } from '../src/ext/scan-app';

// Injected by the background only when the reader asks to check the page (popup button,
// context menu on the page, or the shortcut), with scripting.executeScript under activeTab.
export default defineUnlistedScript(() => {
  void startScan();
});
