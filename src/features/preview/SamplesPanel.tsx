import { useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { t, useT } from '../../i18n';
import { formatBytes, formatNumber } from '../../i18n/format';
import { T } from '../../i18n/T';
import { useSpecStore } from '../../store';
import { addSamples, clearSamples } from './previewService';
import { SamplePageList } from './SamplePageList';
import { ExampleSampleButton } from './ExampleSampleButton';
import './sampleStore.css';

/** Largest sample file read (BAD-INPUTS A8): a bigger one is refused by its size, never read. */
export const MAX_SAMPLE_BYTES = 60 * 1024 * 1024;

/**
 * Longest text the paste box shows (characters). A bigger paste (or any text put in the box) is kept
 * out of it, as a Blob, and the box says so: laying out tens of MB in a textarea blocks the main
 * thread for seconds (a 60 MB page: 14 s + 4 s tasks, issue 12 item 10). The page is parsed by the
 * preview worker either way; the main thread never parses a pasted page.
 */
export const MAX_PASTE_SHOWN_CHARS = 1_000_000;

/**
 * Files in the order given, as sample pages (several files = pages 1..n). A file over
 * MAX_SAMPLE_BYTES is refused by `File.size` before any byte is read, with a message.
 */
function addFiles(list: FileList | null): void {
  if (!list || list.length === 0) return;
  const files = Array.from(list);
  const tooBig = files.filter((f) => f.size > MAX_SAMPLE_BYTES);
  for (const f of tooBig)
    useSpecStore.getState().notify(
      () =>
        t('preview.samples.fileTooBig', {
          name: f.name,
          size: formatBytes(f.size),
          max: formatBytes(MAX_SAMPLE_BYTES),
        }),
      'error',
    );
  const ok = files.filter((f) => f.size <= MAX_SAMPLE_BYTES);
  if (ok.length) addSamples(ok.map((f) => ({ name: f.name, origin: 'file' as const, source: f })));
}

/**
 * Says whether the pages are kept with the spec: restored after a reload or reopen, or not saved
 * (storage full or unavailable: they stay in this tab only).
 */
function SampleStoreNote({ count }: { count: number }) {
  const t = useT();
  const status = useSpecStore((s) => s.sampleStore);
  const secretsKept = useSpecStore((s) => s.persistSecrets);
  if (status.state === 'failed')
    return (
      <p className="pv-store-note pv-store-failed" role="alert">
        <strong>{t('preview.samples.notSaved')}</strong> {status.message}
      </p>
    );
  if (count === 0) return null;
  return (
    <p className="pv-store-note pv-muted" role="status">
      {status.state === 'restored' && status.pages
        ? `${t('preview.samples.restored', { count: status.pages })} `
        : ''}
      {t('preview.samples.savedNote', { secrets: secretsKept ? 'yes' : 'no' })}
    </p>
  );
}

/**
 * Where sample responses come in: paste a page, load files (several at once = pages in order), or
 * drop files anywhere on the panel. Each page is parsed on its own; a bad page never breaks the rest.
 */
export function SamplesPanel() {
  const t = useT();
  const [text, setText] = useState('');
  /** A paste too big to show in the box, held until "Add page" (null: none). */
  const [held, setHeld] = useState<Blob | string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [envelope, setEnvelope] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const count = useSpecStore((s) => s.samplePages.length);
  /** Whether the page may read the clipboard (then a paste is read as a Blob, off the main thread). */
  const clipboardRead = useRef(false);

  /** Keeps a big text out of the box; refused over the sample file cap. */
  const hold = (big: Blob | string): void => {
    const size = typeof big === 'string' ? big.length : big.size;
    if (size > MAX_SAMPLE_BYTES) {
      useSpecStore
        .getState()
        .notify(
          () =>
            t('preview.samples.pasteTooBig', { size: formatBytes(size), max: formatBytes(MAX_SAMPLE_BYTES) }),
          'error',
        );
      return;
    }
    setHeld(big);
  };
  const addPasted = (): void => {
    // The worker parses the page (a Blob it reads itself, or a string it receives): never this thread.
    const source = held ?? (text.trim() === '' ? null : text);
    if (source === null) return;
    addSamples([
      { name: t('preview.samples.pastedName', { n: count + 1 }), origin: 'paste', source, envelope },
    ]);
    setText('');
    setHeld(null);
  };
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>): void => {
    const el = e.currentTarget;
    const before = text.slice(0, el.selectionStart);
    const after = text.slice(el.selectionEnd);
    if (clipboardRead.current && typeof navigator.clipboard?.read === 'function') {
      // Read as a Blob by the browser: the text is neither copied into this thread nor laid out here
      // (reading it with getData costs 1.3 s of main thread for 20 MB, and the box 14 s for 60 MB).
      e.preventDefault();
      void navigator.clipboard
        .read()
        .then((items) => {
          const item = items.find((i) => i.types.includes('text/plain'));
          return item ? item.getType('text/plain') : null;
        })
        .then(async (blob) => {
          if (!blob) return;
          if (blob.size + before.length + after.length > MAX_PASTE_SHOWN_CHARS) {
            if (before === '' && after === '') hold(blob);
            else hold(new Blob([before, blob, after], { type: 'application/json' }));
            setText('');
          } else setText(before + (await blob.text()) + after);
        })
        .catch((err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          useSpecStore.getState().notify(() => t('preview.samples.clipboardFailed', { message }), 'error');
        });
      return;
    }
    const pasted = e.clipboardData.getData('text/plain');
    if (pasted.length + before.length + after.length <= MAX_PASTE_SHOWN_CHARS) return;
    // Never let it into the box: it would be laid out (seconds for tens of MB).
    e.preventDefault();
    hold(before + pasted + after);
    setText('');
  };
  const onFocus = (): void => {
    // Asked once, quietly (no prompt): only an already granted permission changes how pastes are read.
    void navigator.permissions
      ?.query({ name: 'clipboard-read' as PermissionName })
      .then((p) => {
        clipboardRead.current = p.state === 'granted';
      })
      .catch(() => {
        clipboardRead.current = false;
      });
  };

  const onDrop = (e: DragEvent<HTMLElement>): void => {
    e.preventDefault();
    // Files dropped here are sample pages, not a spec to open: keep the drop from the app's handler,
    // and tell the app the drag is over (its "drop to open" overlay listens for a leave on itself).
    e.stopPropagation();
    setDragging(false);
    const app = e.currentTarget.closest('.app');
    app?.dispatchEvent(new Event('dragleave', { bubbles: true }));
    addFiles(e.dataTransfer.files);
  };

  return (
    <section
      className={`pv-samples${dragging ? ' pv-dragging' : ''}`}
      aria-label={t('preview.samples.label')}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.stopPropagation();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="pv-toolbar">
        <button type="button" className="pv-button" onClick={() => fileInput.current?.click()}>
          {t('preview.samples.loadFiles')}
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".json,.txt,application/json"
          aria-label={t('preview.samples.files')}
          hidden
          onChange={(e) => {
            addFiles(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
        <ExampleSampleButton />
        {count > 0 && (
          <button type="button" className="pv-button pv-quiet" onClick={clearSamples}>
            {t('preview.samples.removeAll')}
          </button>
        )}
        <span className="pv-muted pv-hint">{t('preview.samples.dropHint')}</span>
      </div>
      <SampleStoreNote count={count} />
      <SamplePageList />
      <div className="pv-paste">
        <label htmlFor="pv-paste-text">{t('preview.samples.pasteLabel')}</label>
        {held ? (
          <p className="pv-muted" role="status">
            {t('preview.samples.held', {
              size: formatBytes(typeof held === 'string' ? held.length : held.size),
              max: formatNumber(MAX_PASTE_SHOWN_CHARS),
            })}{' '}
            <button type="button" className="pv-button pv-quiet" onClick={() => setHeld(null)}>
              {t('preview.samples.discard')}
            </button>
          </p>
        ) : (
          <textarea
            id="pv-paste-text"
            value={text}
            spellCheck={false}
            placeholder='{"members": [ … ], "total_items": 1234}'
            onPaste={onPaste}
            onFocus={onFocus}
            onChange={(e) => {
              const value = e.target.value;
              if (value.length <= MAX_PASTE_SHOWN_CHARS) return setText(value);
              // Text put in the box another way (dropped, set by a script): out before it is laid out.
              hold(value);
              setText('');
            }}
          />
        )}
        <div className="pv-toolbar">
          <button
            type="button"
            className="pv-button pv-primary"
            disabled={!held && text.trim() === ''}
            onClick={addPasted}
          >
            {t('preview.samples.addPage')}
          </button>
          <label className="pv-check">
            <input type="checkbox" checked={envelope} onChange={(e) => setEnvelope(e.target.checked)} />
            <span>
              <T
                id="preview.samples.envelope"
                values={{ shape: <code>{'{"headers": {…}, "body": …}'}</code> }}
              />
            </span>
          </label>
          <span className="pv-muted">{t('preview.samples.addedAs', { n: count + 1 })}</span>
        </div>
      </div>
    </section>
  );
}
