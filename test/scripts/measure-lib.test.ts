/** `npm run measure`'s pure parts: ranges, Vitest's JSON report, zip contents, measurements.json. */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collectMeasurements, kB, micro, ms, range, ratio, seconds, summarizeVitestJson, table, zipContents, type RunSeries } from '../../scripts/measure-lib';

/** A zip with the given entries, stored or deflated, built by hand (local headers, central directory, end record). */
function makeZip(entries: Array<{ name: string; data: string; deflate?: boolean }>, comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.from(e.data);
    const body = e.deflate ? zlib.deflateRawSync(raw) : raw;
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...locals, cd, end, Buffer.from(comment)]);
}

describe('range', () => {
  it('one figure when the runs agree, min–max otherwise, – when there is none', () => {
    expect(range([25.04], ms)).toBe('25.0 ms');
    expect(range([29, 25.2, 27], ms)).toBe('25.2–29.0 ms');
    expect(range([900, 1200], micro)).toBe('900.0 µs–1.20 ms');
    expect(range([3, 7, 5], String)).toBe('3–7');
    expect(range([3.001, 3.002], ratio)).toBe('3.00×');
    expect(range([NaN], ms)).toBe('–');
    expect(range([], ms)).toBe('–');
  });

  it('formats by magnitude', () => {
    expect(ms(480.4)).toBe('480 ms');
    expect(ms(4.567)).toBe('4.57 ms');
    expect(seconds(130_400)).toBe('130 s');
    expect(seconds(2_340)).toBe('2.3 s');
    expect(micro(33.04)).toBe('33.0 µs');
    expect(micro(17_500)).toBe('17.50 ms');
    expect(ratio(211.2)).toBe('211×');
    expect(kB(202_345)).toBe('202 kB');
    expect(kB(14_612)).toBe('14.6 kB');
  });
});

describe('summarizeVitestJson', () => {
  it('counts tests and times each file relative to the project', () => {
    const s = summarizeVitestJson(
      {
        numTotalTests: 12,
        numPassedTests: 10,
        numFailedTests: 1,
        numPendingTests: 1,
        numTodoTests: 0,
        testResults: [
          { name: '/project/test/e2e/extension.e2e.ts', startTime: 1000, endTime: 61_000 },
          { name: '/project/test/e2e/start.e2e.ts', startTime: 61_000, endTime: 90_500 },
        ],
      },
      '/project',
    );
    expect(s).toEqual({
      files: 2,
      tests: 12,
      passed: 10,
      failed: 1,
      other: 1,
      fileMs: { 'test/e2e/extension.e2e.ts': 60_000, 'test/e2e/start.e2e.ts': 29_500 },
    });
  });
});

describe('zipContents', () => {
  it('reads the number of files and their unpacked size from the central directory', () => {
    const zip = makeZip([
      { name: 'manifest.json', data: '{"name":"Verbatim"}' },
      { name: 'icon/', data: '' },
      { name: 'background.js', data: 'x'.repeat(5000), deflate: true },
    ]);
    expect(zip.length).toBeLessThan(5000);
    expect(zipContents(zip)).toEqual({ files: 2, unpackedBytes: 19 + 5000 });
  });

  it('finds the end record behind a comment, and refuses what is not a zip', () => {
    expect(zipContents(makeZip([{ name: 'a', data: 'abc' }], 'made by a test'))).toEqual({ files: 1, unpackedBytes: 3 });
    expect(() => zipContents(Buffer.from('not a zip at all, just some text here'))).toThrow('not a zip file');
  });
});

describe('collectMeasurements', () => {
  it('keeps each numeric figure per run, by name', () => {
    const series: RunSeries = {};
    collectMeasurements({ warmCheckRoundTripMs: { runs: 20, median: 4, p95: 7 }, sizes: { contentScriptBytes: 39_500 }, note: 'x' }, series);
    collectMeasurements({ warmCheckRoundTripMs: { runs: 20, median: 5, p95: 18, note: 'text is ignored' } }, series);
    expect(series).toEqual({
      'warmCheckRoundTripMs.runs': [20, 20],
      'warmCheckRoundTripMs.median': [4, 5],
      'warmCheckRoundTripMs.p95': [7, 18],
      'sizes.contentScriptBytes': [39_500],
    });
  });
});

describe('table', () => {
  it('writes a markdown table and escapes pipes', () => {
    expect(table(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n|---|---|\n| 1 | x\\|y |');
  });
});
