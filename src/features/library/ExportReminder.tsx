import { lastExportedAt, type LibraryEntry } from '../../lib/library';

const when = (t: number) =>
  new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The "last exported" reminder of a library entry (BAD-INPUTS E8): browsers may evict local storage
 * (Safari after 7 days without a visit), so a spec changed since its last export is flagged.
 * Returns the text shown, or null when the entry was exported after its last change.
 */
export function exportReminder(entry: Pick<LibraryEntry, 'id' | 'updatedAt'>): string | null {
  const at = lastExportedAt(entry.id);
  if (at === null) return 'never exported';
  if (at >= entry.updatedAt) return null;
  return `not exported since ${when(at)}`;
}

/** One line under the library title about backups, and the reminder for the spec on screen. */
export function ExportNotice({ current }: { current: LibraryEntry | undefined }) {
  const note = current ? exportReminder(current) : null;
  return (
    <p className="muted small" role="note">
      Specs are kept in this browser only, and browsers may clear them (Safari after 7 days without a visit).
      Export a spec to keep a copy.
      {current && note && (
        <>
          {' '}
          <strong>
            “{current.name}” is {note}.
          </strong>
        </>
      )}
    </p>
  );
}
