import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
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

const when = (t: number) =>
  new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The local library: open, rename, duplicate and delete saved specs. */
export function LibraryDialog({ open, onClose, onBeforeLoad }: LibraryDialogProps) {
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const entries = open ? listEntries() : [];
  const currentId = useSpecStore((s) => s.docId);
  const loadDocument = useSpecStore((s) => s.loadDocument);
  const notify = useSpecStore((s) => s.notify);

  const openEntry = (e: LibraryEntry) => {
    const text = readEntryText(e.id);
    if (text === null) return notify(`“${e.name}” has no saved text any more.`, 'error');
    const kept = e.id === useSpecStore.getState().docId ? null : onBeforeLoad();
    loadDocument(text, 'library', { docId: e.id, persistSecrets: e.persistSecrets === true });
    notify(`Opened “${e.name}” from the library.${kept ? ` “${kept}” is kept there too.` : ''}`, 'success');
    onClose();
  };

  return (
    <Dialog open={open} title="Library" onClose={onClose} wide>
      <p className="muted small" key={version}>
        Edited specs are saved here automatically.
      </p>
      <ExportNotice current={entries.find((e) => e.id === currentId)} />
      {entries.length === 0 ? (
        <p className="empty">No saved specs yet. Edit a spec and it appears here.</p>
      ) : (
        <ul className="library-list" aria-label="Saved specs">
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
              aria-label={`New name for ${entry.name}`}
              value={name}
              autoFocus
              onChange={(ev) => setName(ev.target.value)}
              onBlur={() => setRenaming(false)}
            />
          </form>
        ) : (
          <span className="library-name">
            {entry.name}
            {current && <span className="tag">open</span>}
          </span>
        )}
        <span className="muted small">
          {when(entry.updatedAt)} · {Math.max(1, Math.round(entry.size / 1024))} KB
          {reminder && ` · ${reminder}`}
        </span>
      </div>
      <div className="library-actions">
        <button type="button" className="button" onClick={onOpen} aria-label={`Open ${entry.name}`}>
          Open
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setRenaming(true)}
          aria-label={`Rename ${entry.name}`}
        >
          Rename
        </button>
        <button
          type="button"
          className="button"
          aria-label={`Duplicate ${entry.name}`}
          onClick={() => {
            const copy = newDocId();
            if (duplicateEntry(entry.id, copy)) void idbCopyDocument(entry.id, copy);
            onChanged();
          }}
        >
          Duplicate
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
            Confirm delete
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => setConfirming(true)}
            aria-label={`Delete ${entry.name}`}
          >
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
