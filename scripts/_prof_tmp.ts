import { readFileSync } from 'node:fs';
import { createMatcher } from '../src/match/index';
import { loadGloss, loadTranscript } from './eval';
import { MatchContext } from '../src/match/context';
import { checkCleanup } from '../src/match/cleanup';
const t = loadTranscript(process.cwd());
const ctx = new MatchContext(t, loadGloss(process.cwd()));
const lines = readFileSync('test/eval/cases.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string);
for (const l of lines.slice(0, 20)) checkCleanup(ctx, l);
let t0 = performance.now();
let worst = 0; let wl = "";
for (const l of lines) { const a = performance.now(); checkCleanup(ctx, l); const d = performance.now() - a; if (d > worst) { worst = d; wl = l; } }
console.log(wl.slice(0, 200));
console.log('cleanup per case', ((performance.now() - t0) / lines.length).toFixed(2), 'ms, worst', worst.toFixed(1));
const m = createMatcher(t, loadGloss(process.cwd()));
t0 = performance.now();
for (const l of lines) m.check(l);
console.log('check per case', ((performance.now() - t0) / lines.length).toFixed(2), 'ms');
