import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { connectionSpecSchema } from '../../src/core/index';
import { cli, expectOneLineError } from './runCli';

const SPEC = 'public/examples/mailchimp-members.json';
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10"/></svg>\n';
let dir = '';
let icon = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-cli-'));
  icon = join(dir, 'icon.svg');
  writeFileSync(icon, ICON);
});

const args = (over: Record<string, string> = {}): string[] =>
  Object.entries({
    spec: SPEC,
    source: 'mailchimp-members',
    label: 'MailChimp Members',
    description: 'Members of a MailChimp audience.',
    category: 'marketingAutomation',
    icon,
    out: join(dir, 'kit.zip'),
    ...over,
  }).flatMap(([k, v]) => [`--${k}`, v]);

describe('spec-studio kit', () => {
  it('writes the five artifacts and prints their paths, with advice on stderr', () => {
    const out = join(dir, 'ok.zip');
    const r = cli('kit', ...args({ out }));
    expect(r.code).toBe(0);
    const base = 'Sources/mailchimp-members/Artifacts/mailchimp-members';
    const paths = [
      '-category.txt',
      '-description.txt',
      '-icon.svg',
      '-label.txt',
      '-connectionSpec.json',
    ].map((s) => `${base}${s}`);
    expect(r.lines).toEqual(paths);
    expect(JSON.parse(r.err.trim())).toEqual({
      severity: 'warning',
      pointer: '',
      code: 'kit-uiAttributes',
      message: 'No uiAttributes.category: add { "key": "marketingAutomation" }',
    });
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files)).toEqual(paths);
    expect(strFromU8(files[`${base}-connectionSpec.json`] ?? new Uint8Array())).toBe(
      readFileSync(SPEC, 'utf8'),
    );
    expect(strFromU8(files[`${base}-category.txt`] ?? new Uint8Array())).toBe('marketingAutomation');
    expect(strFromU8(files[`${base}-icon.svg`] ?? new Uint8Array())).toBe(ICON);
    // Deterministic: the same input gives the same bytes.
    const again = join(dir, 'again.zip');
    expect(cli('kit', ...args({ out: again })).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reads Adobe category names as their key', () => {
    const out = join(dir, 'named.zip');
    expect(cli('kit', ...args({ out, category: 'Marketing Automation' })).code).toBe(0);
    const files = unzipSync(readFileSync(out));
    const cat = files['Sources/mailchimp-members/Artifacts/mailchimp-members-category.txt'];
    expect(strFromU8(cat ?? new Uint8Array())).toBe('marketingAutomation');
  });

  const write = (name: string, text: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it.each<[string, () => Record<string, string>, RegExp]>([
    [
      'a bad slug',
      () => ({ source: 'Mail_Chimp' }),
      /kit refused: --source: The source name has an upper-case "M"/,
    ],
    [
      'an unknown category',
      () => ({ category: 'games' }),
      /--category: Unknown category "games": use one of advertising,/,
    ],
    ['an empty label', () => ({ label: ' ' }), /--label: The label is empty/],
    [
      'a refused SVG (onload)',
      () => ({ icon: write('onload.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') }),
      /onload\.svg: The icon has an event handler \(<svg> attribute onload\)/,
    ],
    [
      'a refused SVG (billion laughs)',
      () => ({
        icon: write(
          'lol.svg',
          '<!DOCTYPE svg [<!ENTITY a "aa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        ),
      }),
      /lol\.svg: The icon has a DOCTYPE/,
    ],
    [
      'a 5 MB SVG',
      () => ({
        icon: write('big.svg', `<svg xmlns="http://www.w3.org/2000/svg">${' '.repeat(5 << 20)}</svg>`),
      }),
      /big\.svg: The icon is 5,121 KB; the limit is 100 KB/,
    ],
    [
      'a spec with errors',
      () => ({
        spec: write('bad.json', readFileSync(SPEC, 'utf8').replace('"providerId"', '"providerIdX"')),
      }),
      /bad\.json: The spec has \d+ errors? \(first: /,
    ],
    [
      'a spec that is not JSON',
      () => ({ spec: write('nojson.json', '{"a": ') }),
      /nojson\.json: The spec is not valid JSON/,
    ],
    ['a missing icon file', () => ({ icon: join(dir, 'none.svg') }), /none\.svg: no such file/],
    ['an icon that is a folder', () => ({ icon: dir }), /is a directory, expected an SVG file/],
    ['an output folder that does not exist', () => ({ out: join(dir, 'no', 'kit.zip') }), /does not exist/],
  ])('refuses %s: one line, exit 2, no zip', (_, over, message) => {
    const o = over();
    const out = o.out ?? join(dir, `refused-${Math.random().toString(36).slice(2)}.zip`);
    const r = cli('kit', ...args({ ...o, out }));
    expect(r.code).toBe(2);
    expectOneLineError(r.err, message);
    expect(r.out).toBe('');
    expect(readdirSync(dir).filter((f) => f.startsWith('refused-') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('names every missing option', () => {
    const r = cli('kit', '--spec', SPEC);
    expect(r.code).toBe(2);
    expectOneLineError(r.err, /kit needs --source, --label, --description, --category, --icon, --out/);
  });

  it('refuses an output that is a folder, leaving it alone', () => {
    const folder = join(dir, 'folder.zip');
    mkdirSync(folder);
    const r = cli('kit', ...args({ out: folder }));
    expect(r.code).toBe(2);
    expectOneLineError(r.err, /folder\.zip: is a directory/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('has help', () => {
    const r = cli('kit', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: spec-studio kit --spec <spec.json> --source <slug>/);
    expect(r.out).toContain('marketingAutomation');
  });
});

describe('spec-studio schema', () => {
  it('prints the schema validate uses', () => {
    const r = cli('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(connectionSpecSchema);
    expect(r.out.endsWith('}\n')).toBe(true);
    expect(r.err).toBe('');
  });
  it('takes no arguments', () => {
    const r = cli('schema', 'x');
    expect(r.code).toBe(2);
    expectOneLineError(r.err, /schema takes no arguments/);
  });
  it('has help naming the shipped file', () => {
    expect(cli('schema', '--help').out).toContain('/schema/connection-spec.schema.json');
  });
});
