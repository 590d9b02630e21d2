import type { JsonValue } from '@core';
import { Banner } from '../components/Banner';
import { useT } from '../i18n';
import { useSpecStore } from '../store';

/** The newest spec `version` whose meaning Spec Studio knows ("1.0" in every Adobe example). */
export const KNOWN_SPEC_VERSION = '1.0';

/**
 * The spec's `version` when it is newer than {@link KNOWN_SPEC_VERSION} (a higher major, or the same
 * major and a higher minor), else null. Non-numeric or missing versions are the validator's business.
 */
export function newerSpecVersion(doc: JsonValue): string | null {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Object.hasOwn(doc, 'version'))
    return null;
  const v = doc['version'];
  const m = typeof v === 'string' ? /^(\d+)(?:\.(\d+))?/.exec(v.trim()) : null;
  if (!m || typeof v !== 'string') return null;
  const [major, minor] = [Number(m[1]), Number(m[2] ?? 0)];
  const [kMajor, kMinor] = KNOWN_SPEC_VERSION.split('.').map(Number) as [number, number];
  return major > kMajor || (major === kMajor && minor > kMinor) ? v : null;
}

/**
 * BAD-INPUTS B9: a spec newer than the app understands is shown with a clear notice. Nothing is
 * downgraded or stripped: the text stays the truth, and the form writes only the fields the user edits.
 */
export function SpecVersionBanner() {
  const t = useT();
  const newer = useSpecStore((s) => newerSpecVersion(s.doc));
  if (newer === null) return null;
  return (
    <Banner tone="warning">
      {t('app.specVersion.newer', { version: JSON.stringify(newer), known: KNOWN_SPEC_VERSION })}
    </Banner>
  );
}
