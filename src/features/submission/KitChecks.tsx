import {
  detectDocumentKind,
  findCategory,
  type Diagnostic,
  type JsonValue,
  type KitCheck,
  type KitInput,
} from '@core';
import { t as tNow, useT } from '../../i18n';
import { diagnosticText, documentKindText } from '../../i18n/diagnostics';
import { formatNumber } from '../../i18n/format';
import type { ChosenIcon } from './IconPicker';
import { kitCodeText } from './kitText';

const MARK: Record<KitCheck['status'], string> = { pass: '✓', warn: '!', fail: '✗' };

const markLabel = (status: KitCheck['status']): string =>
  status === 'pass'
    ? tNow('tools.kit.mark.pass')
    : status === 'warn'
      ? tNow('tools.kit.mark.warn')
      : tNow('tools.kit.mark.fail');

/** The label of one of Adobe's catalog categories (KIT_CATEGORIES) in the chosen language. */
export function categoryLabel(key: string, fallback: string): string {
  switch (key) {
    case 'advertising':
      return tNow('tools.kit.category.advertising');
    case 'analytics':
      return tNow('tools.kit.category.analytics');
    case 'consentAndPreferences':
      return tNow('tools.kit.category.consentAndPreferences');
    case 'crm':
      return tNow('tools.kit.category.crm');
    case 'customerSuccess':
      return tNow('tools.kit.category.customerSuccess');
    case 'database':
      return tNow('tools.kit.category.database');
    case 'ecommerce':
      return tNow('tools.kit.category.ecommerce');
    case 'marketingAutomation':
      return tNow('tools.kit.category.marketingAutomation');
    case 'payments':
      return tNow('tools.kit.category.payments');
    case 'protocols':
      return tNow('tools.kit.category.protocols');
    default:
      return fallback;
  }
}

/** What the checks were computed from: the kit's values, and the spec's state in the store. */
export interface KitCheckContext {
  input: KitInput;
  /** The spec's diagnostics and value; undefined while the JSON does not parse. */
  diagnostics: readonly Diagnostic[] | undefined;
  doc: JsonValue | undefined;
  icon: ChosenIcon | null;
}

const obj = (v: JsonValue | undefined): Record<string, JsonValue> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;

function specText(c: KitCheck, ctx: KitCheckContext): string {
  const { diagnostics, doc } = ctx;
  if (diagnostics === undefined || doc === undefined) return kitCodeText(c);
  if (c.status === 'pass') {
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    return tNow('tools.kit.check.specPass', { count: warnings });
  }
  if (c.status === 'warn') return tNow('tools.kit.check.specSchema');
  const kind = detectDocumentKind(doc).kind;
  if (kind === 'items-wrapper') return tNow('tools.kit.check.specWrapper', { wrapper: '{"items": [spec]}' });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (kind !== 'connection-spec') return documentKindText(detectDocumentKind(doc), doc);
  if (first === undefined) return kitCodeText(c);
  return tNow('tools.kit.check.specErrors', {
    count: errors.length,
    where: first.pointer === '' ? '' : first.pointer + ': ',
    message: diagnosticText(first),
  });
}

/**
 * A check's message in the chosen language, rebuilt from the check's id and status and the values it
 * was computed from; a message the app cannot rebuild (the core's wording of a bad source name, an
 * icon the screen refused, uiAttributes advice) is shown as the core wrote it.
 */
export function kitCheckText(c: KitCheck, ctx: KitCheckContext): string {
  const { input } = ctx;
  switch (c.id) {
    case 'spec':
      return specText(c, ctx);
    case 'source':
      if (c.status === 'pass') return tNow('tools.kit.check.sourcePass', { source: input.source });
      return input.source === '' ? tNow('tools.kit.check.sourceEmpty') : kitCodeText(c);
    case 'label':
      if (c.status === 'pass') return tNow('tools.kit.check.labelPass');
      return input.label.trim() === ''
        ? tNow('tools.kit.check.labelEmpty')
        : tNow('tools.kit.check.labelOneLine');
    case 'description':
      return c.status === 'pass'
        ? tNow('tools.kit.check.descriptionPass')
        : tNow('tools.kit.check.descriptionEmpty');
    case 'category': {
      const found = findCategory(input.category);
      if (c.status === 'pass' && found)
        return tNow('tools.kit.check.categoryPass', {
          label: categoryLabel(found.key, found.label),
          key: found.key,
        });
      return input.category.trim() === '' ? tNow('tools.kit.check.categoryChoose') : kitCodeText(c);
    }
    case 'icon':
      if (input.icon === null) return tNow('tools.kit.check.iconChoose');
      if (c.status === 'pass') return tNow('tools.kit.check.iconPass');
      if (ctx.icon?.tooLargeKb !== undefined)
        return tNow('tools.kit.check.iconTooLarge', {
          kb: formatNumber(ctx.icon.tooLargeKb),
          limit: formatNumber(ctx.icon.limitKb ?? 0),
        });
      return kitCodeText(c);
    case 'uiAttributes': {
      if (c.status === 'pass') return tNow('tools.kit.check.uiPass');
      const ui = obj(obj(obj(obj(ctx.doc)?.['sourceSpec'])?.['attributes'])?.['uiAttributes']);
      return ui === undefined && ctx.doc !== undefined ? tNow('tools.kit.check.uiMissing') : kitCodeText(c);
    }
    default:
      return c.message;
  }
}

/** The kit's checks, each with ✓ (passed), ! (advice, does not block) or ✗ (blocks the download). */
export function KitChecks({ checks, context }: { checks: KitCheck[]; context: KitCheckContext }) {
  const t = useT();
  return (
    <ul className="kit-checks" aria-label={t('tools.kit.checks')}>
      {checks.map((c) => (
        <li key={c.id} className={'kit-check kit-check-' + c.status}>
          <span className="kit-mark" role="img" aria-label={markLabel(c.status)}>
            {MARK[c.status]}
          </span>
          <span className="kit-check-message">{kitCheckText(c, context)}</span>
        </li>
      ))}
    </ul>
  );
}
