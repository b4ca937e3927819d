// The tests use real system parts: Debian's Chromium (browser tests, driven by Playwright with no
// browser download) and nginx (a TLS-terminating proxy in front of a team server). Installs what
// is missing when allowed (root with apt-get); otherwise stops with what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TOOLS = [
  {
    name: 'Chromium',
    path: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    pkg: 'chromium',
    env: 'CHROMIUM_PATH',
  },
  { name: 'nginx', path: process.env.NGINX_PATH || '/usr/sbin/nginx', pkg: 'nginx-light', env: 'NGINX_PATH' },
];

const missing = TOOLS.filter((tool) => !existsSync(tool.path));
if (missing.length === 0) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  for (const tool of missing)
    console.error(
      `The tests need ${tool.name} at ${tool.path}. Install it (Debian/Ubuntu: sudo apt-get install -y ${tool.pkg})\n` +
        `or point ${tool.env} at it, then run the tests again.`,
    );
  process.exit(1);
}

const packages = missing.map((tool) => tool.pkg);
console.log(
  `Installing ${missing.map((tool) => tool.name).join(' and ')} for the tests (apt-get install ${packages.join(' ')})…`,
);
const install = () =>
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
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
for (const tool of missing) {
  if (!existsSync(tool.path)) {
    console.error(`apt-get finished but ${tool.path} is still missing.`);
    process.exit(1);
  }
}
