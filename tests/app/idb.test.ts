import { expect, it } from 'vitest';
import { idbGet, idbPut, idbKeys, idbDelete } from '../../src/lib/idb';
it('roundtrip', async () => {
  expect(await idbPut('samples', 'a', { x: new Blob(['hi']) })).toEqual({ ok: true, value: undefined });
  const g = await idbGet<{ x: Blob }>('samples', 'a');
  expect(g.ok).toBe(true);
  expect(await idbKeys('samples')).toEqual({ ok: true, value: ['a'] });
  await idbDelete('samples', 'a');
  expect(await idbGet('samples', 'a')).toEqual({ ok: true, value: undefined });
});
