/**
 * "Hear it at 41:07" for the card and the transcript page, over h9a's `src/sources/time.ts`
 * (YouTube `t=`, `#t=` for any other http(s) URL). The recording URL comes from the reader or
 * an imported pack, so it is untrusted: this wrapper also refuses a missing or negative time
 * and URLs carrying credentials.
 */
import { formatClock, recordingLinkAt as linkAt } from '../sources/time';

/** 2467 → "41:07"; 3723 → "1:02:03". */
export const formatTime = formatClock;

/** The recording opened at `seconds`; null unless both are usable and the URL is plain http(s). */
export function recordingLinkAt(recordingUrl: string | undefined, seconds: number | undefined): string | null {
  if (!recordingUrl || typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null;
  try {
    const url = new URL(recordingUrl);
    if (url.username || url.password) return null;
  } catch {
    return null;
  }
  return linkAt(recordingUrl, seconds);
}
