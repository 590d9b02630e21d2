import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '@core';
import { createPreviewClient, type WorkerLike } from '../../src/workers/previewClient';
import { createPreviewEngine } from '../../src/workers/previewEngine';
import type { PreviewInput, PreviewRequest, PreviewResponse } from '../../src/workers/previewProtocol';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/preview', name), 'utf8');
const spec = JSON.parse(fixture('mailchimp.spec.json')) as JsonValue;

/** A worker double: holds every message until `flush`, then answers them in the order asked. */
function fakeWorker(order: 'fifo' | 'lifo') {
  const engine = createPreviewEngine();
  const inbox: PreviewRequest[] = [];
  const posted: PreviewRequest[] = [];
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (msg) => {
      inbox.push(msg);
      posted.push(msg);
    },
    terminate: () => undefined,
  };
  const flush = async (): Promise<void> => {
    const batch = order === 'fifo' ? inbox.splice(0) : inbox.splice(0).reverse();
    for (const msg of batch) {
      const out: PreviewResponse = await engine.handle(msg);
      w.onmessage?.({ data: out } as MessageEvent<PreviewResponse>);
    }
  };
  return { factory: () => w, flush, posted };
}

const input = (revision: number, pageIds: string[] = []): PreviewInput => ({
  revision,
  doc: spec,
  pageIds,
  run: { params: { domain: 'us6', listId: 'L1', accessToken: 'tok' }, now: Date.UTC(2026, 0, 2) },
  matchPageId: null,
});

describe('preview client: superseded results are dropped', () => {
  it.each(['fifo', 'lifo'] as const)(
    'a worker answering %s: only the newest preview resolves',
    async (order) => {
      const fake = fakeWorker(order);
      const client = createPreviewClient(fake.factory);
      expect(client.usesWorker).toBe(true);
      const a = client.preview(input(1));
      const b = client.preview(input(2));
      const c = client.preview(input(3));
      await fake.flush();
      const results = await Promise.all([a, b, c]);
      expect(results.slice(0, 2)).toEqual([null, null]);
      expect(results[2]?.revision).toBe(3);
      expect(fake.posted.map((m) => m.kind)).toEqual(['preview', 'preview', 'preview']);
    },
  );

  it('samples of different pages do not supersede each other; a re-parse of the same page does', async () => {
    const fake = fakeWorker('fifo');
    const client = createPreviewClient(fake.factory);
    const p1 = client.parseSample('p1', '{"members":[]}');
    const p2 = client.parseSample('p2', '{"members":[1]}');
    const p2b = client.parseSample('p2', '{"members":[1,2]}');
    await fake.flush();
    const [r1, r2, r2b] = await Promise.all([p1, p2, p2b]);
    expect(r1).toMatchObject({ ok: true, pageId: 'p1' });
    expect(r2).toBeNull();
    expect(r2b).toMatchObject({ ok: true, pageId: 'p2', summary: 'object with 1 key' });
  });

  it('without Worker (happy path of tests and Node) a burst computes only the last preview', async () => {
    const client = createPreviewClient(null);
    expect(client.usesWorker).toBe(false);
    const results = await Promise.all([client.preview(input(7)), client.preview(input(8))]);
    expect(results[0]).toBeNull();
    expect(results[1]?.revision).toBe(8);
  });

  it('a worker that dies hands the newest request to the main thread, with the pages it had', async () => {
    const fake = fakeWorker('fifo');
    const client = createPreviewClient(fake.factory);
    await Promise.all([client.parseSample('p1', fixture('members.sample.json')), fake.flush()]);
    const pending = client.preview(input(4, ['p1']));
    fake.factory().onerror?.({} as ErrorEvent);
    const r = await pending;
    expect(client.usesWorker).toBe(false);
    expect(r?.records.records).toBe(3);
  });
});

describe('preview client: rows windows, records and exports of the shown table', () => {
  it('serves rows by window, one record, CSV and NDJSON; a stale table id gets null', async () => {
    const client = createPreviewClient(null);
    await client.parseSample('p1', fixture('members.sample.json'));
    const r = await client.preview(input(1, ['p1']));
    expect(r).not.toBeNull();
    const id = r?.id ?? -1;
    expect((await client.rows(id, 1, 3))?.rows.map((row) => row[0])).toEqual(['m1', 'm2']);
    expect(await client.record(id, 2)).toMatchObject({ member: { id: 'm2', status: 'subscribed' } });
    const csv = (await client.exportTable(id, 'csv'))?.text ?? '';
    expect(csv.split(/\r?\n/)[0]).toBe(
      'member.id,member.email_address,member.status,member.merge_fields.FNAME,member.merge_fields.AGE,member.tags',
    );
    expect((await client.exportTable(id, 'ndjson'))?.text.trim().split('\n')).toHaveLength(3);
    expect(await client.rows(id + 100, 0, 2)).toBeNull();
  });
});

describe('preview engine: explain', () => {
  it('finds the page of a record, explains it there, and answers null for a stale table', async () => {
    const engine = createPreviewEngine();
    const pages = ['{"members": [{"id": 1}, {"id": 2}]}', '{"members": [{"id": 3}]}'];
    for (const [i, source] of pages.entries())
      await engine.handle({ kind: 'parseSample', id: i + 1, pageId: `p${i}`, source });
    const first = await engine.handle({ kind: 'preview', id: 10, ...input(1, ['p0', 'p1']) });
    expect(first.kind === 'preview' && first.result.records.records).toBe(3);
    const out = await engine.handle({ kind: 'explain', id: 11, tableId: 10, index: 2 });
    expect(out.kind === 'explain' && out.result).toMatchObject({
      tableId: 10,
      index: 2,
      pageIndex: 1,
      pageId: 'p1',
      explanation: { recordIndex: 0, recordCount: 1, record: { member: { id: 3 } } },
    });
    const past = await engine.handle({ kind: 'explain', id: 12, tableId: 10, index: 3 });
    expect(past.kind === 'explain' && past.result).toBeNull();
    await engine.handle({ kind: 'preview', id: 13, ...input(2, ['p0']) });
    const stale = await engine.handle({ kind: 'explain', id: 14, tableId: 10, index: 0 });
    expect(stale.kind === 'explain' && stale.result).toBeNull();
  });

  it('passes page headers to the simulation: PAGE stops at headers.x-pagecount', async () => {
    const engine = createPreviewEngine();
    const doc = JSON.parse(JSON.stringify(spec)) as { sourceSpec: { attributes: Record<string, unknown> } };
    doc.sourceSpec.attributes.paginationParams = {
      type: 'PAGE',
      limitName: 'count',
      limitValue: 1,
      pageParamName: 'page',
      initialPageIndex: 1,
      endPageIndex: 'headers.x-pagecount',
    };
    for (const id of ['p0', 'p1'])
      await engine.handle({ kind: 'parseSample', id: 1, pageId: id, source: '{"members": [{"id": 1}]}' });
    const run = async (headers: Record<string, Record<string, string>>) => {
      const base = { ...input(1, ['p0', 'p1']), doc: doc as unknown as JsonValue, text: undefined, headers };
      const out = await engine.handle({ kind: 'preview', id: 2, ...base });
      return out.kind === 'preview' ? [out.result.run.steps.length, out.result.run.stop.reason] : null;
    };
    expect(await run({})).toEqual([2, 'samples-exhausted']);
    expect(await run({ p0: { 'x-pagecount': '1' } })).toEqual([1, 'end-page']);
  });
});
