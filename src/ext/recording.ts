/**
 * "Hear it at 41:07": a link that opens the reader's recording at the second a passage was
 * said. Only http(s) recordings are linked (never javascript:, data: or a file): the URL comes
 * from the reader or from an imported pack, so it is untrusted. Pure.
 */

/** 2467 → "41:07"; 3723 → "1:02:03". */
export function formatTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtu.be', 'www.youtube-nocookie.com']);

/**
 * The recording URL opened at `seconds`: YouTube gets `t=<seconds>` in its query (replacing one
 * already there); any other http(s) URL gets the media fragment `#t=<seconds>`, which browsers'
 * own media players honour. Null when the URL is not http(s) or the time is not a number.
 */
export function recordingLinkAt(recordingUrl: string | undefined, seconds: number | undefined): string | null {
  if (!recordingUrl || typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null;
  let url: URL;
  try {
    url = new URL(recordingUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  const t = String(Math.floor(seconds));
  if (YOUTUBE_HOSTS.has(url.hostname.toLowerCase())) {
    url.searchParams.set('t', t);
    // A `#t=` left in the fragment would fight the query parameter.
    if (/^#t=/.test(url.hash)) url.hash = '';
    return url.toString();
  }
  url.hash = `t=${t}`;
  return url.toString();
}
