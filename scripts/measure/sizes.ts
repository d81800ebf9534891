/** Bundle and package sizes for `npm run measure`: what `npm run zip` left in .output/. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { CONTENT_SCRIPT_GZ_TARGET_BYTES, kB, mark, table, zipContents } from '../measure-lib';

function dirBytes(p: string): { bytes: number; files: number } {
  if (!fs.existsSync(p)) return { bytes: NaN, files: 0 };
  const st = fs.statSync(p);
  if (!st.isDirectory()) return { bytes: st.size, files: 1 };
  return fs.readdirSync(p).reduce(
    (acc, f) => {
      const s = dirBytes(path.join(p, f));
      return { bytes: acc.bytes + s.bytes, files: acc.files + s.files };
    },
    { bytes: 0, files: 0 },
  );
}
const fileBytes = (p: string) => (fs.existsSync(p) ? fs.statSync(p).size : NaN);
const gzBytes = (p: string) => (fs.existsSync(p) ? zlib.gzipSync(fs.readFileSync(p), { level: 9 }).length : NaN);

export interface Sizes {
  bundles: Array<{
    dir: string;
    content: number;
    contentGz: number;
    /** select-watch.js: the check-on-select watcher, registered in every page and frame. */
    watcher?: number;
    watcherGz?: number;
    /** card-extras.js: the card parts only some results show, injected with such a result. */
    extras?: number;
    extrasGz?: number;
    background: number;
    backgroundGz: number;
    whole: { bytes: number; files: number };
  }>;
  zips: Array<{ file: string; bytes: number; unpackedBytes: number; files: number }>;
}

export function measureSizes(outDir: string): Sizes {
  const bundles = ['chrome-mv3', 'firefox-mv2'].map((dir) => {
    const d = path.join(outDir, dir);
    return {
      dir,
      content: fileBytes(path.join(d, 'content-scripts/content.js')),
      contentGz: gzBytes(path.join(d, 'content-scripts/content.js')),
      watcher: fileBytes(path.join(d, 'select-watch.js')),
      watcherGz: gzBytes(path.join(d, 'select-watch.js')),
      extras: fileBytes(path.join(d, 'card-extras.js')),
      extrasGz: gzBytes(path.join(d, 'card-extras.js')),
      background: fileBytes(path.join(d, 'background.js')),
      backgroundGz: gzBytes(path.join(d, 'background.js')),
      whole: dirBytes(d),
    };
  });
  const zips = fs.existsSync(outDir)
    ? fs
        .readdirSync(outDir)
        .filter((f) => f.endsWith('.zip'))
        .sort()
        .map((f) => ({ file: f, bytes: fileBytes(path.join(outDir, f)), ...zipContents(fs.readFileSync(path.join(outDir, f))) }))
    : [];
  return { bundles, zips };
}

export function sizesSection({ bundles, zips }: Sizes): string[] {
  return [
    '## Sizes',
    '',
    'Bytes as built (kB = 1000 bytes); gzip at level 9 for reference (the store packages are zips).',
    '',
    table(
      ['build (`.output/`)', 'content script', `content script gzipped (target ≤ ${kB(CONTENT_SCRIPT_GZ_TARGET_BYTES)})`, 'check-on-select watcher (every page)', 'card extras (on demand)', 'background', 'background gzipped', 'whole extension'],
      bundles.map((b) => [
        b.dir,
        kB(b.content),
        `${kB(b.contentGz)} ${Number.isFinite(b.contentGz) ? mark(b.contentGz <= CONTENT_SCRIPT_GZ_TARGET_BYTES) : ''}`.trim(),
        b.watcher === undefined ? '—' : `${kB(b.watcher)} (${kB(b.watcherGz ?? NaN)} gzipped)`,
        b.extras === undefined ? '—' : `${kB(b.extras)} (${kB(b.extrasGz ?? NaN)} gzipped)`,
        kB(b.background),
        kB(b.backgroundGz),
        `${kB(b.whole.bytes)}, ${b.whole.files} files`,
      ]),
    ),
    '',
    table(['package (`npm run zip`)', 'zip', 'unpacked', 'files'], zips.map((z) => [z.file, kB(z.bytes), kB(z.unpackedBytes), String(z.files)])),
    '',
  ];
}
