import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  decodeShareLink,
  encodeShareLink,
  SHARE_INFLATED_MAX_BYTES,
  SHARE_URL_MAX_CHARS,
  shareFragmentValue,
  redactSecrets,
  secretValuePointers,
  type JsonValue,
} from '../../src/core';
import { toBase64Url } from '../../src/core/share/base64url';

const BASE = 'http://127.0.0.1:5173/';
const spec = JSON.stringify(
  {
    name: 'Members',
    authSpec: [
      {
        name: 'Basic',
        type: 'BasicAuthentication',
        spec: {
          type: 'object',
          properties: {
            username: { type: 'string', default: 'me' },
            password: { type: 'string', format: 'password', default: 'hunter2', examples: ['s3cret'] },
          },
        },
      },
    ],
  },
  null,
  2,
);

/** A link's fragment value (after `share=`). */
const valueOf = (url: string) => shareFragmentValue(new URL(url).hash) ?? '';
/** A hand-made link value holding `text` deflated. */
const made = (text: string) => `1.${toBase64Url(deflateSync(strToU8(text)))}`;

describe('encodeShareLink / decodeShareLink', () => {
  it('round-trips the spec and samples with the secrets blanked', () => {
    const r = encodeShareLink({ spec, samples: [{ name: 'p1.json', text: '{"members":[]}' }] }, BASE);
    expect(r).toMatchObject({ ok: true, samples: 'included', secretsRemoved: 2 });
    if (!r.ok) return;
    expect(r.url.startsWith(`${BASE}#share=1.`)).toBe(true);
    expect(r.url).toMatch(/^[^#]+#share=1\.[A-Za-z0-9_-]+$/);
    const d = decodeShareLink(valueOf(r.url));
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.spec).not.toContain('hunter2');
    expect(d.spec).not.toContain('s3cret');
    expect(d.spec).toContain('"default": "me"');
    expect(JSON.parse(d.spec)).toMatchObject({ name: 'Members' });
    // Exactly the text minus the secrets: only the secret values differ.
    expect(d.spec).toBe(redactSecrets(spec, secretValuePointers(JSON.parse(spec) as JsonValue)));
    expect(d.samples).toEqual([{ name: 'p1.json', text: '{"members":[]}' }]);
  });

  it('leaves the samples out when they do not fit, and says so', () => {
    const big = Array.from({ length: 4000 }, (_, i) => ({ id: `${i}-${Math.random()}` }));
    const r = encodeShareLink({ spec, samples: [{ name: 'big.json', text: JSON.stringify(big) }] }, BASE);
    expect(r).toMatchObject({ ok: true, samples: 'omitted' });
    if (r.ok) expect(r.url.length).toBeLessThanOrEqual(SHARE_URL_MAX_CHARS);
  });

  it('refuses a spec whose link would pass the limit, naming the limit', () => {
    const props = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`f${i}${Math.random()}`, i]));
    const r = encodeShareLink({ spec: JSON.stringify({ name: 'x', props }) }, BASE);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('too-large');
    expect(r.message).toContain('32,000');
    expect(r.message).toMatch(/file/);
  });

  it('refuses text that is not JSON', () => {
    expect(encodeShareLink({ spec: '{"a":' }, BASE)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it.each([
    [
      'a truncated link',
      () => valueOf((encodeShareLink({ spec }, BASE) as { url: string }).url).slice(0, -12),
      /damaged or incomplete/,
    ],
    ['bad base64', () => '1.abc$def', /damaged or incomplete/],
    ['not deflate', () => `1.${toBase64Url(strToU8('hello, this is not deflate'))}`, /does not decompress/],
    ['no version', () => 'abcdef', /no format version/],
    ['a newer format', () => '2.abcd', /format 2/],
    ['content that is not JSON', () => made('not json'), /not JSON/],
    ['content without a spec', () => made('{"samples":[]}'), /no spec/],
    ['malformed samples', () => made('{"spec":"{}","samples":[{"name":1}]}'), /samples are malformed/],
    ['deeply nested content', () => made(`${'['.repeat(300)}${']'.repeat(300)}`), /nesting deeper than 256/],
    [
      'a deeply nested spec',
      () => made(JSON.stringify({ spec: `${'['.repeat(300)}${']'.repeat(300)}` })),
      /nesting deeper/,
    ],
    ['an over-long value', () => `1.${'A'.repeat(SHARE_URL_MAX_CHARS + 1)}`, /over the 32,000 limit/],
  ])('says so for %s', (_name, value, message) => {
    const r = decodeShareLink(value());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('stops a decompression bomb at the output cap', () => {
    const bomb = new Uint8Array(SHARE_INFLATED_MAX_BYTES + 1024 * 1024); // zeros: ~1,000:1
    const value = `1.${toBase64Url(deflateSync(bomb, { level: 9 }))}`;
    expect(value.length).toBeLessThan(SHARE_URL_MAX_CHARS);
    const r = decodeShareLink(value);
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(/more than 8 MB/) as string,
      code: 'too-big',
      params: { mb: 8 },
    });
  });

  it('reads the fragment value only from a share fragment', () => {
    expect(shareFragmentValue('#share=1.abc')).toBe('1.abc');
    expect(shareFragmentValue('share=1.abc')).toBe('1.abc');
    expect(shareFragmentValue('#other=1')).toBeNull();
    expect(shareFragmentValue('')).toBeNull();
  });
});
