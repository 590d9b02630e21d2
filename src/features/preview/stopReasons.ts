import type { LiveStop, LiveStopReason, StopReason } from '@core';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { liveHintText } from './coreText';

/** A stop reason for people: a title and what it means for the real run. */
export interface StopExplanation {
  title: string;
  explanation: string;
  tone: 'ok' | 'warning' | 'error';
}

/** The stop reasons' titles and meanings, in the chosen language (looked up when asked). */
const EXPLAIN: Record<StopReason, () => StopExplanation> = {
  'single-request': () => ({
    title: t('run.stop.singleRequest.title'),
    explanation: t('run.stop.singleRequest.explanation'),
    tone: 'ok',
  }),
  'end-condition': () => ({
    title: t('run.stop.endCondition.title'),
    explanation: t('run.stop.endCondition.explanation'),
    tone: 'ok',
  }),
  'short-page': () => ({
    title: t('run.stop.shortPage.title'),
    explanation: t('run.stop.shortPage.explanation'),
    tone: 'ok',
  }),
  'end-page': () => ({
    title: t('run.stop.endPage.title'),
    explanation: t('run.stop.endPage.explanation'),
    tone: 'ok',
  }),
  'no-pointer': () => ({
    title: t('run.stop.noPointer.title'),
    explanation: t('run.stop.noPointer.explanation'),
    tone: 'ok',
  }),
  'no-token': () => ({
    title: t('run.stop.noToken.title'),
    explanation: t('run.stop.noToken.explanation'),
    tone: 'ok',
  }),
  'max-requests': () => ({
    title: t('run.stop.maxRequests.title'),
    explanation: t('run.stop.maxRequests.explanation'),
    tone: 'warning',
  }),
  'loop-detected': () => ({
    title: t('run.stop.loopDetected.title'),
    explanation: t('run.stop.loopDetected.explanation'),
    tone: 'error',
  }),
  'samples-exhausted': () => ({
    title: t('run.stop.samplesExhausted.title'),
    explanation: t('run.stop.samplesExhausted.explanation'),
    tone: 'warning',
  }),
  blocked: () => ({
    title: t('run.stop.blocked.title'),
    explanation: t('run.stop.blocked.explanation'),
    tone: 'error',
  }),
};

/** What a stop reason means, in words. */
export function explainStop(reason: StopReason): StopExplanation {
  return EXPLAIN[reason]();
}

/** "~70.6 requests/min; this run ~2.6 s" from the core’s estimate, or a note that there is no delay. */
export function rateText(requestsPerMinute: number | null, durationMs: number, delayMs: number): string {
  if (requestsPerMinute === null || delayMs <= 0) return t('run.stop.noDelay');
  const secs = durationMs / 1000;
  const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  const run =
    secs < 60
      ? t('run.stop.seconds', { n: formatNumber(secs, oneDecimal) })
      : t('run.stop.minutes', { n: formatNumber(secs / 60, oneDecimal) });
  return t('run.stop.rate', {
    delay: formatNumber(delayMs),
    rate: formatNumber(requestsPerMinute),
    run,
  });
}

/** Titles and meanings of the stops only a live run has. */
const LIVE_EXPLAIN: Record<Exclude<LiveStopReason, StopReason>, () => StopExplanation> = {
  'http-error': () => ({
    title: t('run.stop.httpError.title'),
    explanation: t('run.stop.httpError.explanation'),
    tone: 'error',
  }),
  'network-error': () => ({
    title: t('run.stop.networkError.title'),
    explanation: t('run.stop.networkError.explanation'),
    tone: 'error',
  }),
  timeout: () => ({
    title: t('run.stop.timeout.title'),
    explanation: t('run.stop.timeout.explanation'),
    tone: 'error',
  }),
  'too-large': () => ({
    title: t('run.stop.tooLarge.title'),
    explanation: t('run.stop.tooLarge.explanation'),
    tone: 'error',
  }),
  'refused-host': () => ({
    title: t('run.stop.refusedHost.title'),
    explanation: t('run.stop.refusedHost.explanation'),
    tone: 'error',
  }),
  'not-json': () => ({
    title: t('run.stop.notJson.title'),
    explanation: t('run.stop.notJson.explanation'),
    tone: 'error',
  }),
  'max-pages': () => ({
    title: t('run.stop.maxPages.title'),
    explanation: t('run.stop.maxPages.explanation'),
    tone: 'warning',
  }),
  aborted: () => ({
    title: t('run.stop.aborted.title'),
    explanation: t('run.stop.aborted.explanation'),
    tone: 'warning',
  }),
};

const LIVE_BLOCKED = (): StopExplanation => ({
  title: t('run.stop.blocked.title'),
  explanation: t('run.stop.liveBlocked.explanation'),
  tone: 'error',
});

/**
 * A live run’s stop in words: the simulation’s reasons (a normal stop is fine: the API has no more
 * pages) and the live ones, with what to check (the driver’s `hint`; for max-pages and aborted the
 * explanation says it all).
 */
export function explainLiveStop(stop: LiveStop): StopExplanation & { hint: string } {
  const base =
    stop.reason === 'blocked'
      ? LIVE_BLOCKED()
      : stop.reason in LIVE_EXPLAIN
        ? LIVE_EXPLAIN[stop.reason as keyof typeof LIVE_EXPLAIN]()
        : EXPLAIN[stop.reason as StopReason]();
  const title =
    stop.reason === 'http-error' && stop.status !== undefined
      ? t('run.stop.httpStatus', { status: String(stop.status), title: base.title })
      : base.title;
  const own = stop.reason === 'max-pages' || stop.reason === 'aborted';
  const words = liveHintText(stop).trim();
  const hint =
    own || stop.hint.trim() === '' || words === '' ? '' : words.replace(/^./, (c) => c.toUpperCase());
  return { ...base, title, hint };
}
