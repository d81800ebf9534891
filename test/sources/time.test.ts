import { describe, expect, it } from 'vitest';
import { formatClock, recordingLinkAt } from '../../src/sources/time';

describe('source times', () => {
  it('formats seconds as a clock', () => {
    expect(formatClock(2467)).toBe('41:07');
    expect(formatClock(3725.6)).toBe('1:02:05');
    expect(formatClock(5)).toBe('0:05');
  });

  it('links a recording at a second: YouTube t=, media #t=, nothing for other schemes', () => {
    expect(recordingLinkAt('https://www.youtube.com/watch?v=mYDSSRS-B5U', 2467)).toBe('https://www.youtube.com/watch?v=mYDSSRS-B5U&t=2467s');
    expect(recordingLinkAt('https://youtu.be/mYDSSRS-B5U?t=10', 61)).toBe('https://youtu.be/mYDSSRS-B5U?t=61s');
    expect(recordingLinkAt('https://podcast.example/ep212.mp3', 231)).toBe('https://podcast.example/ep212.mp3#t=231');
    expect(recordingLinkAt('javascript:alert(1)', 5)).toBeNull();
    expect(recordingLinkAt('not a url', 5)).toBeNull();
  });
});
