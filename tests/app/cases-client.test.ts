import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredCase } from '../../src/store';
import { runCases } from '../../src/workers/casesEngine';
import type { CasesRequest, CasesResponse } from '../../src/workers/casesProtocol';
import { createCasesClient } from '../../src/workers/casesClient';
import { specFromPayload } from '../../src/workers/specPayload';

/** A fake cases worker: keeps cases like the real one and answers with the core's results. */
class FakeWorker {
  onmessage: ((e: MessageEvent<CasesResponse>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  received: CasesRequest[] = [];
  kept: StoredCase[] = [];
  silent = false;
  terminated = false;
  postMessage(msg: CasesRequest): void {
    this.received.push(msg);
    if (this.silent) return;
    setTimeout(() => {
      if (msg.cases && msg.keep) this.kept = msg.cases;
      const results = runCases(specFromPayload(msg.spec), msg.cases ?? this.kept);
      this.onmessage?.({
        data: { kind: 'run', id: msg.id, revision: msg.revision, results, ms: 0 },
      } as MessageEvent<CasesResponse>);
    }, 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** The spec as the store posts it while its text parses. */
const SPEC = { text: '{}' };

const cases: StoredCase[] = [
  { id: 'a', testCase: { name: 'a', pages: [], expect: { stop: 'samples-exhausted' } } },
];
const g = globalThis as { Worker?: unknown };
let had: boolean;
beforeEach(() => {
  had = 'Worker' in g;
  g.Worker ??= class {};
});
afterEach(() => {
  if (!had) delete g.Worker;
});

describe('cases client', () => {
  it('sends unchanged cases to the worker once: later runs reuse them (no copy per spec edit)', async () => {
    const fake = new FakeWorker();
    const client = createCasesClient(() => fake as unknown as Worker);
    const first = await client.run(SPEC, 1, cases);
    const second = await client.run(SPEC, 2, cases);
    const changed = [...cases];
    await client.run(SPEC, 3, changed);
    expect(fake.received.map((m) => m.cases)).toEqual([cases, null, changed]);
    expect(first?.ok && first.results[0]?.id).toBe('a');
    expect(second?.ok && second.results[0]?.id).toBe('a');
    // A one-off run (saving a case) neither replaces nor reuses the kept cases.
    await client.runOnce(SPEC, [{ id: 'b', testCase: { name: 'b', pages: [] } }]);
    await client.run(SPEC, 4, changed);
    expect(fake.received.at(-1)?.cases).toBeNull();
  });

  it('drops a superseded run and restarts a silent worker, saying so', async () => {
    const fakes: FakeWorker[] = [];
    const client = createCasesClient(() => {
      const f = new FakeWorker();
      f.silent = fakes.length === 0;
      fakes.push(f);
      return f as unknown as Worker;
    }, 50);
    const stale = client.run(SPEC, 1, cases);
    const stuck = client.run(SPEC, 2, cases);
    expect(await stale).toBeNull();
    const r = await stuck;
    expect(r).toMatchObject({ ok: false, revision: 2 });
    expect(r?.ok === false && r.message).toMatch(/Running the test cases was stopped after 0\.1 s/);
    expect(fakes[0]?.terminated).toBe(true);
    // The fresh worker has no cases yet: they are sent again.
    const again = await client.run(SPEC, 3, cases);
    expect(again?.ok).toBe(true);
    expect(fakes[1]?.received[0]?.cases).toEqual(cases);
  });
});
