/** Project conventions, checked so they stay true as the code grows. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function files(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...files(rel, pattern));
    else if (pattern.test(name)) out.push(rel);
  }
  return out;
}
const read = (rel: string) => readFileSync(join(root, rel), 'utf8');
/** Source without comments, so prose about `window.` or `innerHTML` does not count. */
const code = (rel: string) => read(rel).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/**
 * An absolute path of some machine: a home, temp or work folder (POSIX, macOS) or a Windows
 * drive. Only where a path can start (line start, space, quote, `=`, bracket, or `file://`), so
 * URLs such as `https://example.com/tmp/x` in fixture pages do not count. Built from parts so
 * this file does not name one itself.
 */
const MACHINE_PATH = new RegExp(
  String.raw`(?:^|[\s'"\`=(\[{,:]|file://)(?:/(?:${['work', 'home', 'root', 'tmp', 'Users', 'mnt', 'var/folders', 'private/var'].join('|')})/|[A-Za-z]:\\)`,
  'm',
);
/** Where paths of the project are named: sources, scripts, tests, bench and configuration. */
function projectFiles(): string[] {
  const dirs = ['src', 'scripts', 'test', 'entrypoints', 'bench', '.ci'].filter((d) => existsSync(join(root, d)));
  const configs = readdirSync(root).filter((f) => /^(wxt\.config\.ts|package\.json|vitest(\.[\w-]+)*\.config\.[cm]?[jt]s|tsconfig\.json)$/.test(f));
  return [...dirs.flatMap((d) => files(d, /./)), ...configs];
}

describe('conventions', () => {
  it('no file names an absolute path of a machine (derive paths from the file or os.tmpdir())', () => {
    const offenders: string[] = [];
    for (const f of projectFiles()) {
      const buf = readFileSync(join(root, f));
      if (buf.includes(0)) continue; // binary fixtures (a PDF) hold no paths
      buf
        .toString('utf8')
        .split('\n')
        .forEach((line, i) => {
          if (MACHINE_PATH.test(line)) offenders.push(`${f}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('the machine-path rule catches paths and lets URLs through', () => {
    const sep = '/';
    const caught = [
      `const seed = '${sep}work${sep}shared${sep}seeds${sep}x.txt';`,
      `read("${sep}home${sep}me${sep}notes")`,
      `dir=${sep}tmp${sep}verbatim-start-1`,
      `${sep}root${sep}.cache`,
      ` * samples in ${sep}Users${sep}me${sep}eval`,
      `new URL('file://${sep}tmp${sep}x.html')`,
      `const p = '${'C'}:\\Users\\me';`,
    ];
    const allowed = [
      `<a href="https://example.com${sep}tmp${sep}page">`,
      `fetch('http://127.0.0.1:8080${sep}work${sep}x')`,
      `const rel = 'data${sep}tmp${sep}x';`,
      `path.join(os.tmpdir(), 'verbatim-')`,
      `#!${sep}usr${sep}bin${sep}env bash`,
    ];
    for (const line of caught) expect(MACHINE_PATH.test(line), line).toBe(true);
    for (const line of allowed) expect(MACHINE_PATH.test(line), line).toBe(false);
    expect(projectFiles()).toEqual(expect.arrayContaining(['package.json', 'wxt.config.ts', 'vitest.config.ts', join('scripts', 'eval.ts')]));
  });

  it('the matcher, the transcript, the sources and the pair aligner code are pure: no browser or DOM API', () => {
    for (const f of [...files('src/match', /\.ts$/), ...files('src/transcript', /\.ts$/), ...files('src/sources', /\.ts$/), ...files('src/pair', /\.ts$/)]) {
      expect(code(f), f).not.toMatch(/\b(document|window|chrome|browser|navigator|localStorage)\s*\./);
    }
  });

  // The pure side (matching, sources, pairing, the page-scan logic, the card's view model, people,
  // the dictionary route, the store's record shapes) never reaches up into the browser side.
  const PURE_DIRS = ['src/match', 'src/transcript', 'src/sources', 'src/pair', 'src/scan', 'src/view', 'src/people', 'src/xlang'];
  it('pure modules never import from src/ext, src/ui, entrypoints or the WebExtension API', () => {
    const offenders: string[] = [];
    for (const f of ['src/types.ts', ...PURE_DIRS.filter((d) => existsSync(join(root, d))).flatMap((d) => files(d, /\.tsx?$/))]) {
      for (const m of code(f).matchAll(/from ['"]([^'"]+)['"]/g)) {
        if (/(^|\/)(ext|ui)\/|entrypoints\/|^wxt\/browser$|^webextension-polyfill$/.test(m[1])) offenders.push(`${f}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the pure-module rule catches an import from the browser side', () => {
    const bad = ["import type { CardModel } from '../ext/view';", "import { browser } from 'wxt/browser';"];
    for (const line of bad) expect([...line.matchAll(/from ['"]([^'"]+)['"]/g)].some((m) => /(^|\/)(ext|ui)\/|entrypoints\/|^wxt\/browser$/.test(m[1])), line).toBe(true);
  });

  it('shipped code (src/match, src/sources, src/pair, src/ext, src/ui, entrypoints) does not import Node-only modules', () => {
    for (const f of [...files('src/match', /\.tsx?$/), ...files('src/sources', /\.tsx?$/), ...files('src/pair', /\.tsx?$/), ...files('src/ext', /\.tsx?$/), ...files('src/ui', /\.tsx?$/), ...files('entrypoints', /\.tsx?$/)]) {
      expect(code(f), f).not.toMatch(/from ['"](node:|iconv-lite|fs['"]|path['"])/);
    }
  });

  it('finds the files it checks', () => {
    expect(files('src/match', /\.ts$/).length).toBeGreaterThan(8);
    expect(files('src/sources', /\.ts$/).length).toBeGreaterThan(10);
    expect(files('src/pair', /\.ts$/).length).toBeGreaterThan(2);
    expect(files('src/ui', /\.tsx$/).length).toBeGreaterThan(10);
    expect(files('entrypoints', /\.tsx?$/).length).toBeGreaterThan(4);
  });

  it('one Preact component per file in src/ui, named after the file', () => {
    for (const f of files('src/ui', /\.tsx$/)) {
      const exported = [...code(f).matchAll(/^export (?:default )?function ([A-Z]\w*)/gm)].map((m) => m[1]);
      expect(exported, f).toEqual([basename(f, '.tsx')]);
    }
  });

  it('text from pages and the transcript is never rendered as HTML', () => {
    for (const f of [...files('src', /\.tsx?$/), ...files('entrypoints', /\.(tsx?|html)$/)]) {
      expect(code(f), f).not.toMatch(/innerHTML|outerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
    }
  });

  it('entrypoints stay thin: the logic lives in src/', () => {
    for (const f of files('entrypoints', /\.tsx?$/)) {
      expect(read(f).split('\n').length, f).toBeLessThan(250);
    }
  });
});
