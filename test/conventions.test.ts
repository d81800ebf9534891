/** Project conventions, checked so they stay true as the code grows. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

describe('conventions', () => {
  it('the matcher, the transcript, the sources and the pair aligner code are pure: no browser or DOM API', () => {
    for (const f of [...files('src/match', /\.ts$/), ...files('src/transcript', /\.ts$/), ...files('src/sources', /\.ts$/), ...files('src/pair', /\.ts$/)]) {
      expect(code(f), f).not.toMatch(/\b(document|window|chrome|browser|navigator|localStorage)\s*\./);
    }
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
