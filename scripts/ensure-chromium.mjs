// Browser tests drive Debian's Chromium through Playwright (no browser download). Installs it
// when missing and allowed (root with apt-get); otherwise stops with what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(
    `Browser tests need Chromium at ${path}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium)\n` +
      'or point CHROMIUM_PATH at a Chromium/Chrome binary, then run the tests again.',
  );
  process.exit(1);
}

console.log('Installing Chromium for the browser tests (apt-get install chromium)…');
const install = () =>
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
try {
  install();
} catch {
  // A fresh machine may have no package lists yet.
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  install();
}
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}
