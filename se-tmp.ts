import { createMatcher } from './src/match/index';
import { loadGloss, loadTranscript } from './scripts/eval';
import { evaluateScan } from './scripts/scan-eval';
const m = createMatcher(loadTranscript(), loadGloss());
const r = await evaluateScan((t) => m.check(t));
console.log(r.text);
