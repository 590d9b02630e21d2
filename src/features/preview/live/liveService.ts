import type { HttpRequest } from '@core';
import { t } from '../../../i18n';
import { useSpecStore } from '../../../store';
import type { LiveCommand, LiveEvent } from '../../../store/liveTypes';
import { createLiveClient, type LiveClient } from '../../../workers/liveClient';
import { addSamples, removeSample } from '../previewService';
import { toRunOptions } from '../runOptions';

/** The local server’s status route: answered only by `spec-studio serve` (and `npm run dev`). */
export { checkLiveServer, LIVE_STATUS_PATH } from '../../../store/liveServer';

let client: LiveClient | null = null;
let runSeq = 0;
/** What the current run was started from: a changed spec or changed inputs start a new run. */
let startedFrom: { revision: number; inputs: unknown; maxPages: number } | null = null;
let revealWaiters: Array<(r: Map<number, HttpRequest>) => void> = [];

const hhmmss = (): string => new Date().toISOString().slice(11, 19);

function onEvent(e: LiveEvent): void {
  const s = useSpecStore.getState();
  if (e.runId !== s.live.runId) return;
  if (e.kind === 'page') {
    addSamples([
      {
        id: e.pageId,
        name: t('run.live.pageName', { n: e.index + 1, time: hhmmss() }),
        origin: 'live',
        source: e.body,
        headers: Object.entries(e.headers),
      },
    ]);
  }
  if (e.kind === 'revealed') {
    const map = new Map(e.requests);
    const waiters = revealWaiters;
    revealWaiters = [];
    for (const w of waiters) w(map);
  }
  s.applyLiveEvent(e);
}

/** The app’s one live client (created on first use). */
export function liveClient(): LiveClient {
  if (!client) {
    client = createLiveClient();
    client.listen(onEvent);
  }
  return client;
}

/** Replaces the live client (tests) and disposes the previous one; null: back to the default. */
export function setLiveClient(next: LiveClient | null): void {
  client?.dispose();
  client = next;
  client?.listen(onEvent);
  startedFrom = null;
}

/** Removes the live pages of earlier runs that were not kept. */
function dropUnkeptLivePages(): void {
  for (const p of useSpecStore.getState().samplePages) if (p.origin === 'live' && !p.kept) removeSample(p.id);
}

/**
 * Runs a live command with the current spec and run inputs. `step` and `run` continue the current
 * run when there is one that has not stopped and the spec, inputs and page cap are those it started
 * with; otherwise they start a new one, which drops the earlier run’s pages that were not kept.
 * `test` calls the auth spec’s authorizationTestUrl. Nothing happens while a command is in flight.
 */
export function liveCommand(command: LiveCommand): void {
  const s = useSpecStore.getState();
  if (s.live.busy !== null) return;
  const from = { revision: s.revision, inputs: s.runInputs, maxPages: s.liveMaxPages };
  const continuing =
    command !== 'test' &&
    s.live.mode === 'run' &&
    s.live.stop === null &&
    startedFrom !== null &&
    startedFrom.revision === from.revision &&
    startedFrom.inputs === from.inputs &&
    startedFrom.maxPages === from.maxPages;
  const runId = continuing ? s.live.runId : ++runSeq;
  if (!continuing) {
    if (command !== 'test') dropUnkeptLivePages();
    startedFrom = command === 'test' ? null : from;
  }
  useSpecStore.getState().beginLive(runId, command, !continuing);
  liveClient().send({
    kind: command,
    runId,
    doc: s.doc,
    run: toRunOptions(s.runInputs, s.previewResult?.model ?? null),
    maxPages: s.liveMaxPages,
  });
}

/**
 * Keeps the live run on screen in step with the document: opening another spec aborts what is in
 * flight and clears the run’s log (its pages stay in the samples until the next run). Returns the
 * unsubscribe function.
 */
export function followDocument(): () => void {
  return useSpecStore.subscribe((s, prev) => {
    if (s.docId === prev.docId || s.live.runId === 0) return;
    abortLive();
    startedFrom = null;
    s.resetLive();
  });
}

/** Aborts the command in flight (the request under way, or the wait). */
export function abortLive(): void {
  const { live } = useSpecStore.getState();
  if (live.runId !== 0) liveClient().send({ kind: 'abort', runId: live.runId });
}

/** Keeps the live pages as ordinary sample pages; says how many. */
export function keepLivePages(): number {
  const s = useSpecStore.getState();
  const n = s.samplePages.filter((p) => p.origin === 'live' && !p.kept && p.status === 'ok').length;
  s.keepLivePages();
  return n;
}

/** The requests of the current run as really sent (secrets shown), by exchange number. */
export function revealLiveRequests(): Promise<Map<number, HttpRequest>> {
  const { live } = useSpecStore.getState();
  if (live.runId === 0) return Promise.resolve(new Map());
  return new Promise((resolve) => {
    revealWaiters.push(resolve);
    liveClient().send({ kind: 'reveal', runId: live.runId });
  });
}
