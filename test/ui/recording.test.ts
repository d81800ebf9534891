import { describe, expect, it } from 'vitest';
import { formatTime, recordingLinkAt } from '../../src/view/recording';

describe('formatTime', () => {
  it('writes minutes:seconds, with hours when there are any', () => {
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(2467)).toBe('41:07');
    expect(formatTime(2467.9)).toBe('41:07');
    expect(formatTime(3723)).toBe('1:02:03');
  });
});

describe('recordingLinkAt', () => {
  it('YouTube: t= in the query, replacing an earlier one', () => {
    expect(recordingLinkAt('https://www.youtube.com/watch?v=mYDSSRS-B5U', 2467)).toBe('https://www.youtube.com/watch?v=mYDSSRS-B5U&t=2467s');
    expect(recordingLinkAt('https://www.youtube.com/watch?v=abc&t=10s', 2467.6)).toBe('https://www.youtube.com/watch?v=abc&t=2467s');
    expect(recordingLinkAt('https://youtu.be/abc', 61)).toBe('https://youtu.be/abc?t=61s');
  });

  it('a media or podcast URL: the #t= media fragment', () => {
    expect(recordingLinkAt('https://cdn.example.com/ep452.mp3', 2467)).toBe('https://cdn.example.com/ep452.mp3#t=2467');
    expect(recordingLinkAt('http://example.com/a.mp4#old', 0)).toBe('http://example.com/a.mp4#t=0');
  });

  it('nothing for other schemes, credentials, bad URLs or no time', () => {
    for (const u of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)//https://x', 'data:text/html,<b>x', 'file:///etc/passwd', 'chrome://settings', 'not a url', '', 'https://user:pw@example.com/a.mp3']) {
      expect(recordingLinkAt(u, 10), u).toBeNull();
    }
    expect(recordingLinkAt('https://example.com/a.mp3', undefined)).toBeNull();
    expect(recordingLinkAt('https://example.com/a.mp3', NaN)).toBeNull();
    expect(recordingLinkAt('https://example.com/a.mp3', -1)).toBeNull();
    expect(recordingLinkAt(undefined, 10)).toBeNull();
  });
});
