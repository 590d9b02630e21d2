import { describe, expect, it } from 'vitest';
import type { JsonValue } from '@core';
import type { ValidateRequest, ValidateResponse } from '../../src/workers/protocol';
import { createValidateClient } from '../../src/workers/validateClient';

/** A fake worker answering each request after `delayMs`, in order. */
class FakeWorker {
  onmessage: ((e: MessageEvent<ValidateResponse>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  received: ValidateRequest[] = [];
  postMessage(msg: ValidateRequest): void {
    this.received.push(msg);
    setTimeout(() => {
      const out: ValidateResponse = {
        type: 'diagnostics',
        id: msg.id,
        revision: msg.revision,
        diagnostics: [],
        ms: 0,
      };
      this.onmessage?.({ data: out } as MessageEvent<ValidateResponse>);
    }, 5);
  }
  terminate(): void {}
}

describe('validate client', () => {
  it('falls back to the main thread when Worker is missing, with real core diagnostics', async () => {
    const client = createValidateClient(null);
    const r = await client.validate({ name: 42 } as JsonValue, 7);
    expect(r?.revision).toBe(7);
    expect(r?.diagnostics.length).toBeGreaterThan(0);
    expect(r?.diagnostics.every((d) => typeof d.pointer === 'string' && d.message.length > 0)).toBe(true);
  });

  it('drops a result superseded by a newer request (main thread)', async () => {
    const client = createValidateClient(null);
    const first = client.validate({}, 1);
    const second = client.validate({}, 2);
    expect(await first).toBeNull();
    expect((await second)?.revision).toBe(2);
  });

  it('correlates worker answers by id and drops superseded ones', async () => {
    const fake = new FakeWorker();
    const g = globalThis as { Worker?: unknown };
    const had = 'Worker' in g;
    g.Worker ??= class {};
    try {
      const client = createValidateClient(() => fake as unknown as Worker);
      const a = client.validate({ a: 1 }, 1);
      const b = client.validate({ b: 2 }, 2);
      expect(await a).toBeNull();
      expect(await b).toEqual({ revision: 2, diagnostics: [] });
      expect(fake.received.map((m) => m.id)).toEqual([1, 2]);
    } finally {
      if (!had) delete g.Worker;
    }
  });
});
