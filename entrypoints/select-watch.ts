import { startSelectWatch } from '../src/ext/select-watch';

// Not in the manifest: registered with scripting.registerContentScripts (every page and frame,
// document_start) once check-on-select has host access, and injected into open tabs after an
// update. Watches selections and shows the check button; the card script comes on the first check.
export default defineUnlistedScript(() => startSelectWatch());
