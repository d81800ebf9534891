/**
 * Times of a source for the card and citations: "41:07" for 2467 seconds, and the link that
 * opens the recording at that second ("Hear it at 41:07"): YouTube's `t=`, a media file's
 * `#t=` fragment. Only http(s) URLs become links.
 */

/** 2467 → "41:07"; 3725 → "1:02:05". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** The recording opened at `seconds`, or null when the URL is not an http(s) URL. */
export function recordingLinkAt(recordingUrl: string, seconds: number): string | null {
  let url: URL;
  try {
    url = new URL(recordingUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const t = Math.max(0, Math.floor(seconds));
  const host = url.hostname.replace(/^www\.|^m\./, '');
  if (host === 'youtube.com' || host === 'youtu.be' || host === 'music.youtube.com') {
    url.searchParams.set('t', `${t}s`);
    return url.toString();
  }
  url.hash = `t=${t}`;
  return url.toString();
}
