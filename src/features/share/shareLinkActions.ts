import {
  decodeShareLink,
  encodeShareLink,
  shareFragmentValue,
  type SharedSample,
  type ShareLinkResult,
} from '@core';
import { t } from '../../i18n';
import { idbGet } from '../../lib/idb';
import { saveEntry } from '../../lib/library';
import { newDocId, useSpecStore } from '../../store';
import type { StoredSamples } from '../../store/docDataTypes';
import { specName } from '../../store/selectors';
import { storableText } from '../../store/storableText';
import { shareDecodeText } from './shareText';

/**
 * The sample pages stored for document `docId` (their exact texts), in the panel's order: `samples`,
 * or null when a page cannot be read (then none is shared). Run inputs are never read: a link never
 * carries them.
 */
export async function storedSampleTexts(docId: string): Promise<SharedSample[] | null> {
  const r = await idbGet<StoredSamples>('samples', docId);
  const pages = r.ok && r.value && Array.isArray(r.value.pages) ? r.value.pages : [];
  const out: SharedSample[] = [];
  for (const p of pages) {
    try {
      const source: unknown = p.source;
      if (typeof source === 'string') out.push({ name: p.meta.name, text: source });
      else if (source instanceof Blob) out.push({ name: p.meta.name, text: await source.text() });
      else return null;
    } catch {
      return null;
    }
  }
  return out;
}

export interface ShareLinkMade {
  result: ShareLinkResult;
  /** The document has sample pages that could not be read: the link was made without them. */
  samplesUnreadable: boolean;
}

/** The share link of the document on screen (its samples when they fit), for the app at `base`. */
export async function makeShareLink(base: string): Promise<ShareLinkMade> {
  const s = useSpecStore.getState();
  if (s.parseError) {
    const message = t('tools.share.fixJson', { line: s.parseError.line });
    return { result: { ok: false, reason: 'invalid', message }, samplesUnreadable: false };
  }
  const samples = await storedSampleTexts(s.docId);
  return {
    result: encodeShareLink({ spec: s.text, samples: samples ?? [] }, base),
    samplesUnreadable: samples === null,
  };
}

export interface ShareOpenHooks {
  /** Keeps the current document in the library; its name, or null when it was not kept. */
  beforeLoad: () => string | null;
  /** Adds a shared sample page to the new document's preview. */
  addSample: (text: string, name: string) => void;
  /** Asks the user (a yes/no question). */
  confirm: (question: string) => boolean;
}

/**
 * Opens the share link in `hash` (a location's fragment), if it is one: as a NEW document, saved to
 * the library, after the current one was kept there (when it cannot be and it has edits, the user is
 * asked first). A damaged link is a message and changes nothing. Returns false when `hash` is not a
 * share link.
 */
export function openShareFragment(hash: string, hooks: ShareOpenHooks): boolean {
  const value = shareFragmentValue(hash);
  if (value === null) return false;
  const s = useSpecStore.getState();
  const shared = decodeShareLink(value);
  if (!shared.ok) {
    s.notify(() => t('tools.share.damaged', { message: shareDecodeText(shared) }), 'error');
    return true;
  }
  const dirty = s.text !== s.loadedText;
  const kept = hooks.beforeLoad();
  if (dirty && kept === null && !hooks.confirm(t('tools.share.confirmLose'))) {
    s.notify(() => t('tools.share.notOpened'), 'info');
    return true;
  }
  const docId = newDocId();
  s.loadDocument(shared.spec, 'paste', { docId });
  const now = useSpecStore.getState();
  const saved = saveEntry(docId, specName(now.doc), storableText(now), undefined, {});
  for (const sample of shared.samples) hooks.addSample(sample.text, sample.name);
  const name = specName(now.doc);
  const samples = shared.samples.length;
  const line = now.parseError?.line;
  // Worded when shown (a language switch re-words the toast): the values are taken now.
  const opened = (): string =>
    [
      t('tools.share.opened', { name, saved: saved ? 'yes' : 'no' }),
      samples > 0 ? t('tools.share.samplesAdded', { count: samples }) : '',
      line !== undefined ? t('tools.share.openedInvalid', { line }) : '',
      kept ? t('tools.share.previousKept', { name: kept }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  s.notify(opened, now.parseError || !saved ? 'warning' : 'success');
  return true;
}
