/**
 * Stands for WXT's ContentScriptContext in the select-and-check script's build (wxt.config.ts).
 * That script takes no context: it has its own takeover of older instances (content-app.ts), so
 * WXT's context would only add 3 kB of runtime to every page and announce each injection to the
 * page (it posts a `wxt:content-script-started` message to the page's window). Holds nothing on
 * purpose: code that starts using the context fails loudly in the e2e tests instead of quietly.
 */
export class ContentScriptContext {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  constructor(_name: string, _options?: unknown) {}
}
