import { startContent } from '../src/ext/content-app';

// Not in the manifest: injected on demand with scripting.executeScript (activeTab), or
// registered with scripting.registerContentScripts once check-on-select has host access.
export default defineContentScript({
  registration: 'runtime',
  // No context argument: the build gives this script none (src/ext/no-script-context.ts).
  main() {
    startContent();
  },
});
