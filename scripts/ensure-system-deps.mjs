// Makes sure the system packages the tests need are present: Debian's Chromium (the PDF engine)
// and its old headless shell (the browser the e2e tests drive, a fifth cheaper in CPU), poppler-utils (the PDF reader used to check exports), a font
// that prints Chinese, Japanese and Korean (exports must not show boxes) unzip (DOCX checks) and redis-server (the team server's
// two-node test starts its own on 127.0.0.1). Installs them with apt
// when running as root; otherwise stops and prints the exact command.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDS = [
  { path: process.env.WARRANT_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium' },
  { path: process.env.WARRANT_TEST_CHROMIUM ?? '/usr/bin/chromium-headless-shell', pkg: 'chromium-headless-shell' },
  { path: '/usr/bin/pdftotext', pkg: 'poppler-utils' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', pkg: 'fonts-wqy-zenhei' },
  { path: '/usr/bin/unzip', pkg: 'unzip' },
  { path: '/usr/bin/redis-server', pkg: 'redis-server' },
];

export function missingPackages() {
  return NEEDS.filter((need) => !existsSync(need.path)).map((need) => need.pkg);
}

export function ensureSystemDeps() {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Missing system packages: ${missing.join(', ')}. Install them with:\n  sudo ${command}`);
    process.exit(1);
  }
  console.log(`Installing missing system packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env }) : update;
  if (install.status !== 0 || missingPackages().length > 0) {
    console.error(`Could not install ${missing.join(', ')}. Run:\n  ${command}`);
    process.exit(1);
  }
  execFileSync(NEEDS[0].path, ['--version'], { stdio: 'inherit' });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystemDeps();
