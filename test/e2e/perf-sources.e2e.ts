/**
 * Browser figures with five stored sources (issue 20): the first card after a browser start,
 * and menu trigger → card painted over 20 checks. Five readers' sources (the fixture interview
 * in its five formats and languages) are imported, the browser is restarted on the same
 * profile (everything comes back from IndexedDB), then a Chinese article is checked. Writes
 * test-results/measurements-sources5.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/sources/parse';
import { draftToSource } from '../../src/ext/sources-page';
import type { CheckTimeline, StartupTimings, StampName } from '../../src/ext/startup-timings';
import { ROOT, percentile, relaunch, selectElementText, triggerMenu, type Browser, type Fixtures, withBrowser } from './harness';

let fx: Fixtures;
let b: Browser;
withBrowser({ grantAllUrls: true }, (env) => ({ fx, b } = env), () => b);

function fixtureSources() {
  const files = ['interview-en.txt', 'interview-zh.txt', 'interview-en.vtt', 'interview-en.srt', 'interview-zh-gbk.txt'];
  return files.map((name, i) => {
    const r = parseSource({ name, bytes: new Uint8Array(fs.readFileSync(path.join(ROOT, 'test/fixtures/sources', name))) });
    if (!r.ok) throw new Error(`${name}: ${r.error}`);
    return draftToSource({ ...r.draft, title: `Stored source ${i + 1} (${name})` }, `perf-src-${i + 1}`, 1_700_000_000_000 + i);
  });
}

/**
 * A check's stamps in the order they happened, each as the step ending there ("settingsRead" =
 * from the stamp before it to it; the check begun at the click runs while the card script is
 * injected, so "injected" may come after "checked").
 */
function breakdown(t: CheckTimeline): Record<string, number> {
  const out: Record<string, number> = { workerStartToClick: t.at.menuClick ?? NaN };
  const stamps = (Object.entries(t.at) as Array<[StampName, number]>).sort((a, b) => a[1] - b[1]);
  for (let i = 1; i < stamps.length; i++) out[stamps[i][0]] = Math.round((stamps[i][1] - stamps[i - 1][1]) * 10) / 10;
  out.clickToShown = Math.round(((t.at.shown ?? NaN) - (t.at.menuClick ?? NaN)) * 10) / 10;
  return out;
}

describe('five stored sources (measurement)', () => {
  it('first card after a browser start, then menu trigger → card painted', async () => {
    const ext = await b.context.newPage();
    await ext.goto(b.extUrl('sources.html'));
    await ext.locator('body[data-ready="true"]').waitFor();
    const pack = { format: 'verbatim-source-pack', version: 1, exportedAt: new Date(0).toISOString(), sources: fixtureSources(), pairs: [] };
    const imported = await ext.evaluate(async (p) => (globalThis as any).chrome.runtime.sendMessage({ type: 'verbatim:sources:import', pack: p }), pack);
    expect(imported).toMatchObject({ ok: true });
    expect(imported.ids).toHaveLength(5);
    await ext.close();

    b = await relaunch(b);
    const page = await b.context.newPage();
    await page.goto(`${fx.url}/news-zh-hans.html?perf=1`);
    await page.bringToFront();
    const runs: Array<{ total: number; inPage: number; verdict: string | null }> = [];
    let startup: StartupTimings | null = null;
    let lastCheck: CheckTimeline | null = null;
    for (let i = 0; i < 21; i++) {
      const q = ['#q-independent', '#q-verbatim', '#q-altered', '#q-host'][i % 4];
      const text = await selectElementText(page, q);
      const t0 = Date.now();
      await triggerMenu(b, page, text);
      await page.waitForFunction(() => document.querySelector('verbatim-card')?.getAttribute('data-paint-ms'));
      runs.push({
        total: Date.now() - t0,
        inPage: Number(await page.locator('verbatim-card').getAttribute('data-paint-ms')),
        verdict: await page.locator('verbatim-card [data-testid="verdict"]').first().getAttribute('data-verdict'),
      });
      if (i === 0 || i === 20) {
        const t: StartupTimings = await (await b.worker()).evaluate(() => (globalThis as any).verbatimBackground.timings());
        if (i === 0) startup = t;
        else lastCheck = t.last;
      }
      await page.keyboard.press('Escape');
    }
    // answers, not just cards: the first quote is a paraphrase (related), the second verbatim
    expect(runs[0].verdict).toBe('related');
    expect(runs[1].verdict).toBe('verbatim');
    // The worker stopped (as after ~30 s idle) and woken by the check itself: the paraphrase again,
    // sent from an extension page (the round trip includes the worker's start and its warm-up).
    const ext2 = await b.context.newPage();
    await ext2.goto(b.extUrl('options.html'));
    const paraphrase = await selectElementText(page, '#q-independent');
    const cdp = await b.context.newCDPSession(ext2);
    const woken: Array<{ roundTripMs: number; verdict: string }> = [];
    for (let i = 0; i < 3; i++) {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await ext2.waitForTimeout(100);
      woken.push(
        await ext2.evaluate(async (text) => {
          const t0 = performance.now();
          const r = await (globalThis as any).chrome.runtime.sendMessage({ type: 'verbatim:check', text });
          return { roundTripMs: Math.round(performance.now() - t0), verdict: r.card?.verdict };
        }, paraphrase),
      );
    }
    expect(woken.every((w) => w.verdict === 'related')).toBe(true);
    // where the last woken worker's time went (its own clock)
    const wokenTimings: StartupTimings | null = await (await b.worker())
      .evaluate(() => (globalThis as any).verbatimBackground.timings())
      .catch(() => null);
    await ext2.close();
    const [first, ...rest] = runs;
    const total = rest.map((r) => r.total);
    const inPage = rest.map((r) => r.inPage);
    const figures = {
      storedSources: 5,
      firstCardAfterBrowserStartMs: { total: first.total, inPage: first.inPage, verdict: first.verdict },
      // the worker's own clock: where the first check's time went (src/ext/startup-timings.ts)
      firstCheckBreakdownMs: startup?.first ? breakdown(startup.first) : null,
      // the same steps for the last of the 20 later checks (everything warm), to compare
      lastCheckBreakdownMs: lastCheck ? breakdown(lastCheck) : null,
      firstCheckInsideMs: startup?.first ? { ...startup.first.ms, from: startup.first.from } : null,
      worker: startup ? { ...startup.worker, ...startup.workerMs } : null,
      menuTriggerToCardPaintedMs: { runs: total.length, median: percentile(total, 50), p95: percentile(total, 95) },
      contentScriptMessageToPaintMs: { runs: inPage.length, median: percentile(inPage, 50), p95: percentile(inPage, 95) },
      workerWokenByCheckMs: {
        runs: woken.map((w) => w.roundTripMs),
        median: percentile(woken.map((w) => w.roundTripMs), 50),
        lastBreakdown: wokenTimings?.first ? { scriptEvaluated: wokenTimings.worker.scriptEvaluated, ...breakdown(wokenTimings.first), ...wokenTimings.first.ms } : null,
      },
      warmupDoneBeforeFirstClick: startup?.worker.warmupDone !== undefined && startup.first?.at.menuClick !== undefined && startup.worker.warmupDone <= startup.first.at.menuClick,
      note:
        'browser restarted on the profile holding five imported sources; total = test clock from the menu handler (worker.evaluate) to the card painted, DevTools round trips included; inPage = the content script clock from the message to the paint; firstCheckBreakdownMs = the worker clock (0 = worker start), each step ending at its stamp; workerWokenByCheckMs = worker stopped through DevTools, then the paraphrase checked from an extension page (round trip)',
    };
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test-results/measurements-sources5.json'), JSON.stringify(figures, null, 2) + '\n');
    console.log('five stored sources', JSON.stringify(figures));
    await page.close();
  });
});
