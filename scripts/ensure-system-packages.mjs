// Makes sure the Debian packages the tests use exist: `chromium` for the browser tests (never a
// downloaded browser) and `jq` and `curl`, which the generated verification-flow script needs (its tests
// run it). Installs what is missing with apt-get when running as root; otherwise explains what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const onPath = (name) => {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const missing = [
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...['jq', 'curl'].filter((name) => !onPath(name)),
];
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `The tests need Debian's ${missing.join(', ')}. Install with: sudo apt-get install -y ${missing.join(' ')}`,
  );
  process.exit(1);
}
console.log(`Missing for the tests: ${missing.join(', ')}: installing Debian's packages (apt-get)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
const still = [
  ...(existsSync(chromium) ? [] : [chromium]),
  ...['jq', 'curl'].filter((name) => !onPath(name)),
];
if (still.length > 0) {
  console.error(`apt-get finished but ${still.join(', ')} is still missing`);
  process.exit(1);
}
