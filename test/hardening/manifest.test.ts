/**
 * The manifest as wxt.config.ts builds it, per target, without building: the manifest option is
 * a plain function of the target browser, manifest version and command. (The manifests WXT
 * writes after its own conversions are checked in test/e2e/hardening/packages.e2e.ts.)
 */
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

type Env = { browser: string; manifestVersion: 2 | 3; command: 'build' | 'serve'; mode: string };
type Manifest = Record<string, any>;

function manifestFor(env: Env): Manifest {
  const m = config.manifest;
  expect(typeof m).toBe('function');
  return (m as unknown as (env: Env) => Manifest)(env);
}

const CHROME: Env = { browser: 'chrome', manifestVersion: 3, command: 'build', mode: 'production' };
const FIREFOX: Env = { browser: 'firefox', manifestVersion: 2, command: 'build', mode: 'production' };

/** `a b; c d` → { a: ['b'], c: ['d'] } */
function directives(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(out[name], `directive ${name} given twice`).toBeUndefined();
    out[name] = values;
  }
  return out;
}

function expectStrictCsp(csp: string): void {
  const d = directives(csp);
  expect(d['script-src']).toEqual(["'self'"]);
  expect(d['object-src']).toEqual(["'none'"]);
  expect(d['default-src']).toEqual(["'self'"]);
  expect(d['base-uri']).toEqual(["'none'"]);
  expect(d['form-action']).toEqual(["'none'"]);
  // Nothing remote, nothing evaluated, no wildcard, anywhere in the policy.
  expect(csp).not.toMatch(/unsafe-eval|https?:|\*|wss?:/);
  // Only styles may be inline (the card's stylesheet in the popup).
  expect(csp.match(/'unsafe-inline'/g) ?? []).toHaveLength(1);
  expect(d['style-src']).toContain("'unsafe-inline'");
}

describe('manifest per target', () => {
  it('Chrome MV3: strict extension-page CSP, no host access at install, no Firefox keys', () => {
    const m = manifestFor(CHROME);
    expectStrictCsp(m.content_security_policy.extension_pages);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions).toEqual(['<all_urls>']);
    expect(m.permissions).not.toContain('<all_urls>');
    expect(m.permissions).not.toContain('tabs');
    expect(m.content_scripts ?? []).toEqual([]);
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.optional_permissions).toBeUndefined();
  });

  it('Firefox MV2: gecko id and minimum version, data collection declared as none, optional <all_urls> where MV2 wants it', () => {
    const m = manifestFor(FIREFOX);
    const gecko = m.browser_specific_settings?.gecko;
    expect(gecko.id).toMatch(/^[a-z0-9][a-z0-9._-]*@[a-z0-9][a-z0-9.-]*$/);
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(109);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.optional_permissions).toEqual(['<all_urls>']);
    expect(m.permissions).not.toContain('<all_urls>');
    expectStrictCsp(m.content_security_policy.extension_pages);
  });

  it('the same id for every Firefox build (an id change would orphan installed copies)', () => {
    const a = manifestFor(FIREFOX).browser_specific_settings.gecko.id;
    const b = manifestFor({ ...FIREFOX, mode: 'development' }).browser_specific_settings.gecko.id;
    expect(a).toBe(b);
  });

  it('`wxt dev` keeps script-src and object-src strict but leaves the dev server reachable', () => {
    const csp = manifestFor({ ...CHROME, command: 'serve', mode: 'development' }).content_security_policy.extension_pages;
    const d = directives(csp);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['default-src']).toBeUndefined();
  });
});

describe('store packages', () => {
  it('the Firefox sources zip leaves out dependencies, build and test output', () => {
    const excluded = config.zip?.excludeSources ?? [];
    for (const p of ['node_modules/**', '.output/**', 'test-results/**', 'web-ext-artifacts/**', 'docs/screenshots/**', 'coverage/**']) {
      expect(excluded).toContain(p);
    }
  });
});
