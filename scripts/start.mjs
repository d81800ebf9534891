// Opens Debian's Chromium with the built extension (.output/chrome-mv3) on the demo news pages.
// Builds nothing itself: `npm start` runs `npm run build` first.
//
//   node scripts/start.mjs                 # a browser window (needs a display), until Ctrl-C
//   node scripts/start.mjs --headless      # headless, with DevTools on --remote-debugging-port, until Ctrl-C
//   node scripts/start.mjs --screenshot[=file.png]   # headless screenshot of the demo page, then exit
//   options: --port=N (fixture server port, default random)  --page=news-en.html
//   env: CHROMIUM_PATH (default /usr/bin/chromium)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixtureServer } from '../test/fixtures/server.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXT = path.join(ROOT, '.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}`);
    return [m[1], m[2] ?? true];
  }),
);

if (!fs.existsSync(path.join(EXT, 'manifest.json'))) {
  console.error('No build in .output/chrome-mv3: run `npm run build` (or `npm start`).');
  process.exit(1);
}
if (!fs.existsSync(CHROMIUM)) {
  console.error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).`);
  process.exit(1);
}

const screenshot = args.screenshot ? (args.screenshot === true ? 'verbatim-demo.png' : String(args.screenshot)) : null;
// Without a display (a server, a container) fall back to headless with DevTools on a local port.
if (!args.headless && !screenshot && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No display found: starting headless; open the DevTools address below from a browser on this machine, or use --screenshot.');
  args.headless = true;
}
const headless = Boolean(args.headless || screenshot);

const server = await startFixtureServer({ port: Number(args.port ?? 0) });
const page = `${server.url}/${args.page ?? 'news-zh-hans.html'}`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-start-'));

const flags = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${EXT}`,
  `--load-extension=${EXT}`,
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Chromium refuses to start as root with its sandbox (containers, CI); Playwright does the same.
if (process.getuid?.() === 0) flags.push('--no-sandbox');
if (headless) flags.push('--headless=new', '--disable-gpu', '--window-size=1280,900');
if (screenshot) flags.push(`--screenshot=${path.resolve(screenshot)}`);
else if (args.headless) flags.push(`--remote-debugging-port=${Number(args['debug-port'] ?? 9222)}`, '--remote-debugging-address=127.0.0.1');
flags.push(page);

console.log(`Fixture pages: ${server.url}/ (demo: ${page})`);
console.log(`Extension:     ${EXT}`);
if (args.headless && !screenshot) console.log(`DevTools:      http://127.0.0.1:${Number(args['debug-port'] ?? 9222)}`);
console.log(screenshot ? `Screenshot →  ${path.resolve(screenshot)}` : 'Select a quote, then right-click → "Check quote with Verbatim", Alt+Shift+V, or the toolbar button. Ctrl-C to quit.');

const child = spawn(CHROMIUM, flags, { stdio: ['ignore', 'inherit', 'pipe'] });
// The Debian wrapper prints a harmless "unexpected operator"; pass everything else through.
child.stderr.on('data', (d) => {
  const s = String(d);
  if (!/unexpected operator|dbus\//.test(s)) process.stderr.write(s);
});

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode == null) child.kill('SIGTERM');
  await server.close();
  fs.rmSync(profile, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
child.on('exit', (code) => void stop(code ?? 0));
