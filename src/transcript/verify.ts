/** Checks a recorded repair against the damage model (used by tests and by `npm run data -- --audit`). */
import { garble } from './gbk-shift';
import type { Repair } from './repairs';

/** The scraper's pinyin for garbled characters: syllables whose `(` was eaten by the damage. */
const PINYIN_TAIL = /[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/g;

function lcsLength(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  const row = new Array<number>(B.length + 1).fill(0);
  for (const x of A) {
    let diagonal = 0;
    for (let j = 1; j <= B.length; j++) {
      const above = row[j];
      row[j] = x === B[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[B.length];
}

/** How much of the garbled run the shifted repair reproduces (1 = all of it). */
export function shiftAgreement(repair: Pick<Repair, 'garbled' | 'repaired'>) {
  // The run's first character is always lost to the shift: it shows as the leading `?`.
  const observed = repair.garbled.slice(1).replace(PINYIN_TAIL, '');
  const simulated = garble(repair.repaired);
  const agreement =
    observed.length === 0 ? 0 : lcsLength(simulated, observed) / Math.max([...simulated].length, [...observed].length);
  return { observed, simulated, agreement };
}
