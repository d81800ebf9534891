/** The menu click's check begun while the card script is injected (src/ext/early-check.ts), and the worker's timing breakdown. */
import { describe, expect, it } from 'vitest';
import { createEarlyCheck } from '../../src/ext/early-check';
import { createTimings } from '../../src/ext/startup-timings';

function counting() {
  const asked: string[] = [];
  const early = createEarlyCheck(async (text: string) => {
    asked.push(text);
    if (text === 'boom') throw new Error('failed');
    return `answer:${text}`;
  });
  return { early, asked };
}

describe('early check', () => {
  it('the card asking for the same text takes the begun answer (checked once); the menu text is trimmed as the card trims it', async () => {
    const { early, asked } = counting();
    early.begin('  他说过这句话 \n');
    expect(await early.answer('他说过这句话')).toBe('answer:他说过这句话');
    expect(asked).toEqual(['他说过这句话']);
    // taken once: the next ask checks again
    expect(await early.answer('他说过这句话')).toBe('answer:他说过这句话');
    expect(asked).toHaveLength(2);
  });

  it('another text (the page selection differs from what the menu reported) is checked on its own', async () => {
    const { early, asked } = counting();
    early.begin('menu text');
    expect(await early.answer('page text')).toBe('answer:page text');
    expect(asked).toEqual(['menu text', 'page text']);
  });

  it('an answer not taken before the card was shown never serves a later check; empty selections begin nothing', async () => {
    const { early, asked } = counting();
    early.begin('quote');
    early.clear();
    await early.answer('quote');
    expect(asked).toEqual(['quote', 'quote']);
    early.begin('   ');
    early.begin(undefined);
    expect(asked).toHaveLength(2);
  });

  it('a failed begun check is reported to the card that takes it, and is not an unhandled rejection meanwhile', async () => {
    const { early } = counting();
    early.begin('boom');
    await new Promise((r) => setTimeout(r, 5));
    await expect(early.answer('boom')).rejects.toThrow('failed');
  });
});

describe('startup timings', () => {
  it('keeps the first check and the latest apart, stamps once per check, durations outside a check on the worker', async () => {
    const t = createTimings();
    t.worker('scriptEvaluated');
    t.add('warmup:load', 12.34);
    t.begin('menuClick');
    expect(t.open).toBe(true);
    t.stamp('checkRequest');
    const firstAt = t.snapshot().first!.at.checkRequest;
    await new Promise((r) => setTimeout(r, 3));
    t.stamp('checkRequest');
    t.add('check', 5);
    t.add('check', 2.5);
    t.from('builtin', 'stored/stored');
    await t.time('fetch', async () => new Promise((r) => setTimeout(r, 2)));
    t.end('shown');
    expect(t.open).toBe(false);
    t.stamp('checkRequest'); // a check without a click opens its own timeline
    t.end('responded');
    const snap = t.snapshot();
    expect(snap.first!.at.checkRequest).toBe(firstAt);
    expect(snap.first!.ms.check).toBe(7.5);
    expect(snap.first!.ms.fetch).toBeGreaterThan(0);
    expect(snap.first!.from).toEqual({ builtin: 'stored/stored' });
    expect(snap.first!.at.shown).toBeGreaterThanOrEqual(snap.first!.at.menuClick!);
    expect(snap.last).not.toEqual(snap.first);
    expect(snap.last!.at.menuClick).toBeUndefined();
    expect(snap.worker.scriptEvaluated).toBeGreaterThanOrEqual(0);
    expect(snap.workerMs).toEqual({ 'warmup:load': 12.3 });
  });
});
