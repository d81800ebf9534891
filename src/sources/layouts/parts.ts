/**
 * A file holding a text and its translation one after the other (some sites publish the English
 * and then the Chinese): the paragraphs fall into two runs of different scripts. Found only when
 * each run is substantial and nearly pure, so a quoted Chinese phrase in English stays English.
 */
import type { DraftPart } from '../draft';
import type { SourceParagraph } from '../model';
import { detectLanguage } from '../language';

type Script = 'han' | 'latin' | 'none';

function scriptOf(text: string): Script {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]+/g) ?? []).length;
  if (han === 0 && latin === 0) return 'none';
  return han > latin * 1.5 ? 'han' : 'latin';
}

export function findParts(paragraphs: SourceParagraph[]): DraftPart[] | undefined {
  const body = paragraphs.filter((p) => p.kind !== 'heading');
  if (body.length < 6) return undefined;
  const scripts = body.map((p) => scriptOf(p.text));
  const first = scripts.find((s) => s !== 'none');
  if (!first) return undefined;
  // the switch: the first paragraph after which the other script holds
  const switchAt = scripts.findIndex((s, i) => s !== 'none' && s !== first && scripts.slice(i).filter((x) => x === first).length <= Math.max(1, (scripts.length - i) * 0.05));
  if (switchAt < 3 || body.length - switchAt < 3) return undefined;
  const head = scripts.slice(0, switchAt).filter((s) => s !== first && s !== 'none').length;
  if (head > Math.max(1, switchAt * 0.05)) return undefined;
  const cut = paragraphs.indexOf(body[switchAt]);
  const runs = [paragraphs.slice(0, cut), paragraphs.slice(cut)];
  const chars = runs.map((r) => r.reduce((n, p) => n + p.text.length, 0));
  const total = chars[0] + chars[1];
  if (Math.min(...chars) < total * 0.15) return undefined;
  return runs.map((r, k) => ({
    language: detectLanguage(r.map((p) => p.text).join('\n')).language,
    paragraphIds: r.map((p) => p.id),
    chars: chars[k],
  }));
}
