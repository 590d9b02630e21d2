/**
 * k) The Live run's 50 MB page (issue 10 §4): a fake partner API on 127.0.0.1 answers one
 * MailChimp-like page of 50 MB; the app, served by the real `spec-studio serve --allow-private-hosts`
 * (CLI from SPEC_STUDIO_BIN or dist-cli/), fetches it with Run. Reported: Run → first record rows
 * visible, and the longest main-thread task meanwhile (the page is read and parsed in workers).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { membersSample, ms, pause, ROOT } from './bench-ui-lib.mjs';

const BIN = process.env.SPEC_STUDIO_BIN ?? join(ROOT, 'dist-cli/spec-studio.mjs');
const ROWS = 200_000;

/** A loopback API with one route, GET /members: the whole body at once. */
export async function startPageApi(body) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** `spec-studio serve` over `dist`; resolves with its address once it prints it. */
export async function startServe(dist) {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--allow-private-hosts', '--app-dir', dist],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`spec-studio serve printed no address: ${out}`)), 30_000);
    const read = (chunk) => {
      out += chunk;
      const m = /Spec Studio at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`spec-studio serve exited (${code}): ${out}`)));
  });
  return { baseUrl, close: () => child.kill() };
}

/** The NONE fixture spec reading `$.members` from GET <host>/members. */
function membersSpec() {
  const doc = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/live/none.json'), 'utf8'));
  doc.sourceSpec.attributes.urlParams.path = '/members';
  doc.sourceSpec.attributes.contentPath = { path: '$.members', overrideWrapperAttribute: 'member' };
  return JSON.stringify(doc, null, 2);
}

export async function liveStep(bench, dist, report) {
  if (!existsSync(BIN)) {
    report(`k) live 50 MB page: skipped, no CLI at ${BIN} (npm run build)`, '-', '', null);
    return;
  }
  const api = await startPageApi(Buffer.from(membersSample(ROWS, 50 * 1024 * 1024)));
  const serve = await startServe(dist);
  try {
    const page = await bench.newPage();
    await page.goto(`${serve.baseUrl}/`);
    await page.locator('.monaco-editor .view-lines').first().waitFor();
    // The spec goes in as a file, like a partner's; the host is typed into the run inputs.
    await page.getByLabel('Open spec file').setInputFiles({
      name: 'live-members.json',
      mimeType: 'application/json',
      buffer: Buffer.from(membersSpec()),
    });
    await page.getByRole('tab', { name: /Live run/ }).click();
    await page.getByRole('form', { name: 'Run inputs' }).getByLabel(/^host/).fill(api.origin);
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
    await pause(500);
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('status', { name: 'Live stop reason' }).waitFor({ timeout: 120_000 });
    await page.getByRole('tab', { name: /Records/ }).click();
    const first =
      (await page.evaluate(() => window.__bench.visible(() => window.__bench.hasCell('m0'), 120_000))) - t0;
    await page.getByText(/up to date/).waitFor({ timeout: 60_000 });
    await pause(1000);
    const tasks = await page.evaluate((since) => window.__bench.longSince(since), t0);
    const worst = Math.max(0, ...tasks.map((l) => l.duration));
    report('k) live 50 MB page through serve: Run → first rows visible', ms(first), '', null);
    report(`   longest main-thread task (${tasks.length} long tasks)`, ms(worst), '≤ 100 ms', worst <= 100);
  } finally {
    serve.close();
    api.close();
  }
}
