/**
 * A change entry's line (core `summariseChanges`) in the chosen language, from its code and params.
 * In English the line names the place in words (`pagination type`); other languages name it by its
 * key path (`paginationParams.type`: keys are not translated), the document by its word.
 */
import type { ChangeEntry } from '@core';
import { currentLocale, t } from '../../i18n';

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export function changeText(e: Pick<ChangeEntry, 'code' | 'params' | 'message'>): string {
  const p = e.params ?? {};
  const path = str(p['path']);
  const where = currentLocale() === 'en' ? str(p['where']) : path === '' ? t('tools.changes.document') : path;
  switch (e.code) {
    case 'value-changed':
      return t('tools.changes.entry.valueChanged', {
        where,
        before: str(p['before']),
        after: str(p['after']),
      });
    case 'value-replaced':
      return t('tools.changes.entry.valueReplaced', { where });
    case 'member-added':
      return t('tools.changes.entry.memberAdded', { where, value: str(p['value']) });
    case 'member-removed':
      return t('tools.changes.entry.memberRemoved', { where, value: str(p['value']) });
    case 'members-added':
    case 'items-added':
      return t('tools.changes.entry.added', { where, count: num(p['count']), names: str(p['names']) });
    case 'members-removed':
    case 'items-removed':
      return t('tools.changes.entry.removed', { where, count: num(p['count']), names: str(p['names']) });
    case 'list-length':
      return t('tools.changes.entry.listLength', {
        where,
        diff: String(num(p['diff'])),
        change: str(p['change']),
        before: String(num(p['before'])),
        after: String(num(p['after'])),
      });
    default:
      return e.message;
  }
}
