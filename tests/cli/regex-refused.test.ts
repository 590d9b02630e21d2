/**
 * Issue 12 item 11: `flatten` and `simulate` say when a contentPath filter's `match()` pattern was
 * refused (not valid I-Regexp), with its location, instead of silently extracting 0 records.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './runCli';

const path = '$.members[?match(@.status, "(s)\\\\1")]';

function specWithPath(): string {
  const spec = JSON.parse(readFileSync('tests/fixtures/preview/mailchimp.spec.json', 'utf8')) as {
    sourceSpec: { attributes: { contentPath: { path: string } } };
  };
  spec.sourceSpec.attributes.contentPath.path = path;
  const file = join(mkdtempSync(join(tmpdir(), 'regex-refused-')), 'spec.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

describe('a refused regex in contentPath', () => {
  it.each([['flatten'], ['simulate']])('%s reports it with its pointer', (command) => {
    const r = cli(command, '--spec', specWithPath(), 'tests/fixtures/preview/members.sample.json');
    const lines = `${r.out}\n${r.err}`.split('\n').filter((l) => l.includes('regex-refused'));
    expect(lines).toHaveLength(1);
    const d = JSON.parse(lines[0] ?? '') as { severity: string; pointer: string; message: string };
    expect(d.severity).toBe('error');
    expect(d.pointer).toBe('/sourceSpec/attributes/contentPath/path');
    expect(d.message).toContain(`\`${path}\``);
    expect(d.message).toMatch(/is not valid I-Regexp \(.+\), so it was refused/);
  });
});
