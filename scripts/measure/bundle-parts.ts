/**
 * What each module adds to a page script (minified bytes, esbuild metafile):
 *   npx tsx scripts/measure/bundle-parts.ts [entry]   (default src/ext/content-app.ts)
 * The card's parts module is swapped for parts-lazy.ts as in the WXT build of the select-and-check
 * script (scripts/card-split-plugins.ts). A quick look at where the bytes go (esbuild keeps the
 * extras half of CARD_CSS, which the WXT build drops, and leaves the CSS unminified); the shipped
 * figures come from the WXT build (scripts/measure/sizes.ts).
 */
import { build, type Plugin } from 'esbuild';
import path from 'node:path';

const entry = process.argv[2] ?? 'src/ext/content-app.ts';
const parts = path.resolve('src/ui/parts.ts');
const lazyParts: Plugin = {
  name: 'lazy-parts',
  setup(b) {
    b.onResolve({ filter: /(^|\/)parts$/ }, (a) =>
      path.resolve(a.resolveDir, a.path) + '.ts' === parts ? { path: path.resolve('src/ui/parts-lazy.ts') } : undefined,
    );
  },
};
const r = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  write: false,
  metafile: true,
  format: 'iife',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  alias: { 'wxt/browser': path.resolve('node_modules/wxt/dist/browser.mjs') },
  plugins: entry.endsWith('content-app.ts') ? [lazyParts] : [],
});
const out = Object.values(r.metafile.outputs)[0]!;
const rows = Object.entries(out.inputs)
  .map(([file, v]) => [file.replace(/^node_modules\//, ''), v.bytesInOutput] as const)
  .sort((a, b) => b[1] - a[1]);
for (const [file, bytes] of rows) console.log(`${(bytes / 1000).toFixed(2).padStart(6)}k  ${file}`);
console.log(`${(out.bytes / 1000).toFixed(2).padStart(6)}k  total`);
