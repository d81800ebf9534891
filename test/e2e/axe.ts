/**
 * axe-core in the e2e suite: injects axe's own source into a page (extension page or web page)
 * and audits it with the WCAG 2.0/2.1 A+AA and best-practice rules, open shadow roots included.
 *
 * Adding a surface to the audit is one line: `await audit(table, 'sources page', page)`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/** Impacts that fail the suite (axe's fourth, `minor`, is reported but does not fail). */
export const BLOCKING_IMPACTS = ['critical', 'serious', 'moderate'] as const;

export interface Violation {
  id: string;
  impact: string;
  help: string;
  /** CSS paths of the offending nodes (shadow hosts joined by ` >>> `). */
  targets: string[];
}

export interface AuditOptions {
  /** Only these parts of the page (CSS selectors of elements in the document, e.g. a shadow host). */
  include?: string[];
  /** Rules to switch off, each with the reason it does not apply (kept visible in the table). */
  disable?: Record<string, string>;
}

/**
 * Runs axe in `page`. The source goes in through `page.evaluate` (the DevTools protocol's
 * Runtime.evaluate), which a page's CSP cannot block, unlike a <script> tag.
 */
export async function runAxe(page: Page, opts: AuditOptions = {}): Promise<Violation[]> {
  const loaded = await page.evaluate(() => typeof (window as any).axe?.run === 'function');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const disabled = Object.fromEntries(Object.keys(opts.disable ?? {}).map((id) => [id, { enabled: false }]));
  return page.evaluate(
    async ({ include, tags, rules }) => {
      const axe = (window as any).axe;
      const context = include && include.length ? { include: include.map((s) => [s]) } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      return result.violations.map((v: any) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        targets: v.nodes.map((n: any) => (n.target as Array<string | string[]>).map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ')),
      }));
    },
    { include: opts.include, tags: AXE_TAGS, rules: disabled },
  );
}

export function blocking(violations: Violation[]): Violation[] {
  return violations.filter((v) => (BLOCKING_IMPACTS as readonly string[]).includes(v.impact));
}

/** Surface → violations, printed as a table and written to test-results/. */
export class AxeTable {
  readonly rows: Array<{ surface: string; violations: Violation[] }> = [];

  add(surface: string, violations: Violation[]): void {
    this.rows.push({ surface, violations });
  }

  format(): string {
    const lines = ['| surface | critical | serious | moderate | minor | rules |', '|---|---|---|---|---|---|'];
    for (const { surface, violations } of this.rows) {
      const n = (impact: string) => violations.filter((v) => v.impact === impact).reduce((k, v) => k + v.targets.length, 0);
      const rules = violations.map((v) => `${v.id} (${v.impact}, ${v.targets.length})`).join(', ') || '—';
      lines.push(`| ${surface} | ${n('critical')} | ${n('serious')} | ${n('moderate')} | ${n('minor')} | ${rules} |`);
    }
    return lines.join('\n');
  }

  write(file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${this.format()}\n\n${JSON.stringify(this.rows, null, 2)}\n`);
  }
}

/** Audits one surface, records it in `table`, and returns the violations that fail the suite. */
export async function audit(table: AxeTable, surface: string, page: Page, opts: AuditOptions = {}): Promise<Violation[]> {
  const violations = await runAxe(page, opts);
  table.add(surface, violations);
  return blocking(violations);
}
