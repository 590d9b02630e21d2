import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { t, useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { idbCopyDocument, idbDeleteDocument } from '../../lib/idb';
import {
  deleteEntry,
  duplicateEntry,
  listEntries,
  readEntryText,
  renameEntry,
  type LibraryEntry,
} from '../../lib/library';
import { newDocId, useSpecStore } from '../../store';
import { ExportNotice, exportReminder } from './ExportReminder';

export interface LibraryDialogProps {
  open: boolean;
  onClose: () => void;
  /** Called before another spec replaces the current one; returns the name it was kept under. */
  onBeforeLoad: () => string | null;
}

/** The local library: open, rename, duplicate and delete saved specs. */
export function LibraryDialog({ open, onClose, onBeforeLoad }: LibraryDialogProps) {
  useT();
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const entries = open ? listEntries() : [];
  const currentId = useSpecStore((s) => s.docId);
  const loadDocument = useSpecStore((s) => s.loadDocument);
  const notify = useSpecStore((s) => s.notify);

  const openEntry = (e: LibraryEntry) => {
    const text = readEntryText(e.id);
    if (text === null) return notify(() => t('app.library.noText', { name: e.name }), 'error');
    const kept = e.id === useSpecStore.getState().docId ? null : onBeforeLoad();
    loadDocument(text, 'library', { docId: e.id, persistSecrets: e.persistSecrets === true });
    notify(
      () => t('app.library.opened', { name: e.name, kept: kept ? 'yes' : 'no', keptName: kept ?? '' }),
      'success',
    );
    onClose();
  };

  return (
    <Dialog open={open} title={t('app.library.title')} onClose={onClose} wide>
      <p className="muted small" key={version}>
        {t('app.library.autosaved')}
      </p>
      <ExportNotice current={entries.find((e) => e.id === currentId)} />
      {entries.length === 0 ? (
        <p className="empty">{t('app.library.empty')}</p>
      ) : (
        <ul className="library-list" aria-label={t('app.library.listLabel')}>
          {entries.map((e) => (
            <LibraryRow
              key={e.id}
              entry={e}
              current={e.id === currentId}
              onOpen={() => openEntry(e)}
              onChanged={refresh}
            />
          ))}
        </ul>
      )}
    </Dialog>
  );
}

function LibraryRow({
  entry,
  current,
  onOpen,
  onChanged,
}: {
  entry: LibraryEntry;
  current: boolean;
  onOpen: () => void;
  onChanged: () => void;
}) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(entry.name);
  const [confirming, setConfirming] = useState(false);
  useT();
  const reminder = exportReminder(entry);
  return (
    <li className="library-row">
      <div className="library-main">
        {renaming ? (
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              if (name.trim()) renameEntry(entry.id, name.trim());
              setRenaming(false);
              onChanged();
            }}
          >
            <input
              className="input"
              aria-label={t('app.library.newName', { name: entry.name })}
              value={name}
              autoFocus
              onChange={(ev) => setName(ev.target.value)}
              onBlur={() => setRenaming(false)}
            />
          </form>
        ) : (
          <span className="library-name">
            {entry.name}
            {current && <span className="tag">{t('app.library.openTag')}</span>}
          </span>
        )}
        <span className="muted small">
          {formatDateTime(entry.updatedAt)} ·{' '}
          {t('app.library.sizeKb', { size: formatNumber(Math.max(1, Math.round(entry.size / 1024))) })}
          {reminder && ` · ${reminder}`}
        </span>
      </div>
      <div className="library-actions">
        <button
          type="button"
          className="button"
          onClick={onOpen}
          aria-label={t('app.library.openAria', { name: entry.name })}
        >
          {t('app.library.open')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setRenaming(true)}
          aria-label={t('app.library.renameAria', { name: entry.name })}
        >
          {t('app.library.rename')}
        </button>
        <button
          type="button"
          className="button"
          aria-label={t('app.library.duplicateAria', { name: entry.name })}
          onClick={() => {
            const copy = newDocId();
            if (duplicateEntry(entry.id, copy)) void idbCopyDocument(entry.id, copy);
            onChanged();
          }}
        >
          {t('app.library.duplicate')}
        </button>
        {confirming ? (
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              deleteEntry(entry.id);
              // Its samples, run inputs, test cases and original go with it (the open spec keeps them:
              // it is still here).
              if (!current) void idbDeleteDocument(entry.id);
              setConfirming(false);
              onChanged();
            }}
          >
            {t('app.library.confirmDelete')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => setConfirming(true)}
            aria-label={t('app.library.deleteAria', { name: entry.name })}
          >
            {t('app.library.delete')}
          </button>
        )}
      </div>
    </li>
  );
}
