import { registerCardExtras } from '../src/ext/card-extras';

// Injected by the background into the frame that asked for a check, with
// scripting.executeScript, only when the card it is about to send shows a part kept out of the
// select-and-check script (src/ui/extras-needed.ts). Renders with that script's Preact.
export default defineUnlistedScript(() => registerCardExtras());
