import { t, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { lastExportedAt, type LibraryEntry } from '../../lib/library';

type Reminder = { never: true } | { never: false; since: string };

/** Null when the entry was exported after its last change; else never exported, or since when not. */
function reminderOf(entry: Pick<LibraryEntry, 'id' | 'updatedAt'>): Reminder | null {
  const at = lastExportedAt(entry.id);
  if (at === null) return { never: true };
  if (at >= entry.updatedAt) return null;
  return { never: false, since: formatDateTime(at) };
}

/**
 * The "last exported" reminder of a library entry (BAD-INPUTS E8): browsers may evict local storage
 * (Safari after 7 days without a visit), so a spec changed since its last export is flagged.
 * Returns the text shown, or null when the entry was exported after its last change.
 */
export function exportReminder(entry: Pick<LibraryEntry, 'id' | 'updatedAt'>): string | null {
  const r = reminderOf(entry);
  if (r === null) return null;
  return r.never ? t('app.exportReminder.never') : t('app.exportReminder.since', { date: r.since });
}

/** One line under the library title about backups, and the reminder for the spec on screen. */
export function ExportNotice({ current }: { current: LibraryEntry | undefined }) {
  useT();
  const r = current ? reminderOf(current) : null;
  return (
    <p className="muted small" role="note">
      {t('app.exportReminder.notice')}
      {current && r && (
        <>
          {' '}
          <strong>
            {r.never
              ? t('app.exportReminder.currentNever', { name: current.name })
              : t('app.exportReminder.currentSince', { name: current.name, date: r.since })}
          </strong>
        </>
      )}
    </p>
  );
}
