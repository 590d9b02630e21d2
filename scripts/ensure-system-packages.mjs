// Makes sure the Debian packages the tests use exist: `chromium` for the browser tests (never a
// downloaded browser), `fonts-noto-cjk` for the Korean and Traditional Chinese text the browser tests
// lay out (tests/e2e/i18n-layout.test.ts measures labels; without these fonts Chromium draws boxes or a
// fallback with other widths), and `jq` and `curl`, which the generated verification-flow script needs
// (its tests run it). Installs what is missing with apt-get when running as root; otherwise explains.
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
/** Noto Sans CJK (KR and TC are the faces src/app/i18n.css names), as fontconfig sees it or on disk. */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const hasCjkFonts = () => {
  if (existsSync(CJK_FONT)) return true;
  try {
    return /Noto Sans CJK/.test(
      execFileSync('fc-list', [':family=Noto Sans CJK KR', 'family'], { encoding: 'utf8' }),
    );
  } catch {
    return false;
  }
};
const absent = () => [
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...(hasCjkFonts() ? [] : ['fonts-noto-cjk']),
  ...['jq', 'curl'].filter((name) => !onPath(name)),
];
const missing = absent();
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
const still = absent().map((name) => (name === 'chromium' ? chromium : name));
if (still.length > 0) {
  console.error(`apt-get finished but ${still.join(', ')} is still missing`);
  process.exit(1);
}
