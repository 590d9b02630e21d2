/** Issue 8 D11: the CLI reads documents as Adobe means them (one core recognition, `detectDocumentKind`). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from './runCli';

const FX = 'tests/fixtures/cli';
const EXAMPLES = join(process.cwd(), '../shared/reference/examples');
const dir = mkdtempSync(join(tmpdir(), 'spec-studio-kinds-'));
/** Adobe's MailChimp spec inside the {"items": [spec]} wrapper a GET /connectionSpecs/{id} returns. */
const wrapped = join(dir, 'get-response.json');
writeFileSync(
  wrapped,
  JSON.stringify({ items: [JSON.parse(readFileSync(`${FX}/mailchimp.spec.json`, 'utf8'))] }, null, 2),
);
const lines = (out: string) =>
  out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, string>);

describe('spec-studio and other kinds of documents', () => {
  it('validate: a GET wrapper is validated inside, pointers under /items/0', () => {
    const r = cli('validate', wrapped);
    expect(r.code).toBe(0);
    const ds = lines(r.out);
    expect(ds[0]).toMatchObject({ severity: 'info', pointer: '' });
    expect(ds[0]?.message).toMatch(/response wrapper/);
    expect(ds.slice(1).every((d) => d.pointer?.startsWith('/items/0/'))).toBe(true);
  });

  it.each([
    ['pagination.offset.json', /fragment of a connection spec \(paginationParams block\)/],
    ['crm-to-aep.flow-spec.json', /flow spec/],
    ['generic-streaming.connection-spec-template.json', /Streaming SDK connection spec: out of scope/],
    ['zendesk.continuation-token-response.json', /looks like an API response/],
  ])('validate %s: exactly one error saying what it is, exit 1', (file, pattern) => {
    const r = cli('validate', join(EXAMPLES, file));
    expect(r.code).toBe(1);
    // Besides the parser's warnings (the streaming template repeats `name` and `providerId`).
    const ds = lines(r.out).filter((d) => !/duplicate key/i.test(d.message ?? ''));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', pointer: '' });
    expect(ds[0]?.message).toMatch(pattern);
  });

  it('flatten --spec with a GET wrapper uses the spec inside (an info on stderr)', () => {
    const r = cli('flatten', '--spec', wrapped, `${FX}/members.p1.json`);
    expect(r.code).toBe(0);
    expect(r.lines.length).toBeGreaterThan(0);
    expect(JSON.parse(r.lines[0] ?? '{}')).toHaveProperty('member');
    expect(r.err).toMatch(/response wrapper/);
  });

  it('flatten --spec with a fragment is refused in one line saying what it is', () => {
    const r = cli('flatten', '--spec', join(EXAMPLES, 'pagination.offset.json'), `${FX}/members.p1.json`);
    expect(r.code).not.toBe(0);
    expectOneLineError(r.err, /pagination\.offset\.json: This is a fragment of a connection spec/);
  });
});
