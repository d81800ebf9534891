// `npm run screenshots`: refreshes the README's screenshots (docs/screenshots/*.png) from a
// fresh e2e run. The e2e suites write every screenshot to test-results/screenshots/ (ignored by
// git), so `npm test` never changes tracked files; this command copies the ones the README
// shows, on purpose.
//
//   npm run screenshots                    # Chromium e2e (extension.e2e.ts) and, if the project
//                                          # has it, the Firefox e2e suite; then copy
//   npm run screenshots -- --no-run        # copy from the last run only
//   npm run screenshots -- card-host-light # also add test-results/screenshots/card-host-light.png
//
// Which files: every PNG already in docs/screenshots (refreshed under the same name), plus the
// names given as arguments.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const FROM = path.join(ROOT, 'test-results/screenshots');
const TO = path.join(ROOT, 'docs/screenshots');
const args = process.argv.slice(2);
const noRun = args.includes('--no-run');
const extra = args.filter((a) => !a.startsWith('--')).map((n) => (n.endsWith('.png') ? n : `${n}.png`));

function npm(...a) {
  console.log(`\n▶ npm ${a.join(' ')}`);
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', a, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`npm ${a.join(' ')} failed (exit ${r.status}): screenshots not copied.`);
    process.exit(r.status ?? 1);
  }
}

if (!noRun) {
  npm('run', 'test:e2e', '--', 'test/e2e/extension.e2e.ts');
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  if (scripts['test:e2e:firefox']) npm('run', 'test:e2e:firefox');
}

fs.mkdirSync(TO, { recursive: true });
const wanted = [...new Set([...fs.readdirSync(TO).filter((f) => f.endsWith('.png')), ...extra])].sort();
const missing = [];
for (const name of wanted) {
  const src = path.join(FROM, name);
  if (!fs.existsSync(src)) {
    missing.push(name);
    continue;
  }
  fs.copyFileSync(src, path.join(TO, name));
  console.log(`docs/screenshots/${name}  ←  test-results/screenshots/${name}`);
}
if (missing.length) {
  console.error(`No fresh screenshot for: ${missing.join(', ')} (not taken by the suites that ran).`);
  process.exit(1);
}
