import type { LiveStop, LiveStopReason, StopReason } from '@core';

/** A stop reason for people: a title and what it means for the real run. */
export interface StopExplanation {
  title: string;
  explanation: string;
  tone: 'ok' | 'warning' | 'error';
}

const EXPLAIN: Record<StopReason, StopExplanation> = {
  'single-request': {
    title: 'One request (no pagination)',
    explanation: 'paginationParams.type is NONE: a run makes exactly one request and stops.',
    tone: 'ok',
  },
  'end-condition': {
    title: 'End condition met',
    explanation:
      'The value at endConditionName in the last response equals endConditionValue (compared as text, "Const:" stripped), so the run stops there.',
    tone: 'ok',
  },
  'short-page': {
    title: 'Short page',
    explanation:
      'The last page had fewer content items than limitValue, which means there is nothing more to fetch. A page of zero items stops the run the same way.',
    tone: 'ok',
  },
  'end-page': {
    title: 'Last page reached',
    explanation:
      'The page index reached endPageIndex (a number, or the page count read from the named response header).',
    tone: 'ok',
  },
  'no-pointer': {
    title: 'No next-page pointer',
    explanation:
      'The value at pointerPath in the last response is missing, null or empty, so there is no next page. A link holding a control character (a line break, an escape) also ends the run: no request is built from it.',
    tone: 'ok',
  },
  'no-token': {
    title: 'No continuation token',
    explanation:
      'The value at continuationTokenPath in the last response is missing, null or empty, so there is no next page. A token that cannot be sent in a header (a line break, NUL or another control character) also ends the run.',
    tone: 'ok',
  },
  'max-requests': {
    title: 'maximumRequest reached',
    explanation:
      'The run made as many requests as paginationParams.maximumRequest allows (default 10000) and stopped, whatever the API would still return.',
    tone: 'warning',
  },
  'loop-detected': {
    title: 'Loop detected',
    explanation:
      'The next request would be exactly the same as an earlier one (same method, URL and headers). Against the real API this run would never end: the pagination parameters do not advance. Check the parameter names, the pointer or token path, and that the response really carries the value the spec reads.',
    tone: 'error',
  },
  'samples-exhausted': {
    title: 'Out of sample pages',
    explanation:
      'Every sample page answered a request and no stop rule fired on the last one, so the real run would go on with the request shown below. Add a page that answers it, or check why the last page did not end the run (a short page, an end condition, an empty pointer or token).',
    tone: 'warning',
  },
  blocked: {
    title: 'The run cannot start',
    explanation:
      'The first request cannot be built: fix the spec where the message points. Run inputs left empty do not block a simulation: they are shown as ‹name›.',
    tone: 'error',
  },
};

/** What a stop reason means, in words. */
export function explainStop(reason: StopReason): StopExplanation {
  return EXPLAIN[reason];
}

/** "~70.6 requests/min; this run ~2.6 s" from the core's estimate, or a note that there is no delay. */
export function rateText(requestsPerMinute: number | null, durationMs: number, delayMs: number): string {
  if (requestsPerMinute === null || delayMs <= 0)
    return 'No delayRequestMillis: requests go out back to back.';
  const secs = durationMs / 1000;
  const run = secs < 60 ? `${secs.toFixed(1)} s` : `${(secs / 60).toFixed(1)} min`;
  return `delayRequestMillis ${delayMs.toLocaleString('en-US')} ms → at most ~${requestsPerMinute.toLocaleString('en-US')} requests/min; this run waits ~${run} in total.`;
}

/** Titles and meanings of the stops only a live run has. */
const LIVE_EXPLAIN: Record<Exclude<LiveStopReason, StopReason>, StopExplanation> = {
  'http-error': {
    title: 'The API answered with an error',
    explanation:
      'A non-2xx status (other than a 429 or 503 with a short Retry-After, which is waited for and retried) stops the run. The API’s own message is quoted above.',
    tone: 'error',
  },
  'network-error': {
    title: 'No answer from the API',
    explanation:
      'The request could not be sent or its answer was cut off: the host name did not resolve, the connection was refused or reset, or TLS failed.',
    tone: 'error',
  },
  timeout: {
    title: 'The API took too long',
    explanation: 'No complete answer came within the per-request timeout (30 s).',
    tone: 'error',
  },
  'too-large': {
    title: 'The page is too large',
    explanation: 'A live page is read up to 50 MB; this answer was larger and was not kept.',
    tone: 'error',
  },
  'refused-host': {
    title: 'The host is refused',
    explanation:
      'Nothing was sent: the target (or a redirect) is a cloud metadata address, always refused, or a loopback or private address, refused unless the server was started with --allow-private-hosts.',
    tone: 'error',
  },
  'not-json': {
    title: 'The answer is not JSON',
    explanation: 'A 2xx answer that does not parse as JSON cannot be paged or flattened.',
    tone: 'error',
  },
  'max-pages': {
    title: 'Max pages reached',
    explanation:
      'The run fetched as many pages as the Max pages field allows and stopped there; the API may have more. Raise Max pages to fetch further.',
    tone: 'warning',
  },
  aborted: {
    title: 'Aborted',
    explanation: 'You stopped the run. The pages fetched so far are kept on screen.',
    tone: 'warning',
  },
};

const LIVE_BLOCKED: StopExplanation = {
  title: 'The run cannot start',
  explanation:
    'Nothing was sent. A live run sends real requests, so every value they carry (user inputs, credentials) must be given, and the first request must be buildable.',
  tone: 'error',
};

/**
 * A live run's stop in words: the simulation's reasons (a normal stop is fine: the API has no more
 * pages) and the live ones, with what to check (the driver's `hint`; for max-pages and aborted the
 * explanation says it all).
 */
export function explainLiveStop(stop: LiveStop): StopExplanation & { hint: string } {
  const base =
    stop.reason === 'blocked'
      ? LIVE_BLOCKED
      : stop.reason in LIVE_EXPLAIN
        ? LIVE_EXPLAIN[stop.reason as keyof typeof LIVE_EXPLAIN]
        : EXPLAIN[stop.reason as StopReason];
  const title =
    stop.reason === 'http-error' && stop.status !== undefined
      ? `HTTP ${stop.status}: ${base.title}`
      : base.title;
  const own = stop.reason === 'max-pages' || stop.reason === 'aborted';
  const hint = own || stop.hint.trim() === '' ? '' : stop.hint.trim().replace(/^./, (c) => c.toUpperCase());
  return { ...base, title, hint };
}
