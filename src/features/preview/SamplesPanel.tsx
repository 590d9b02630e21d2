import { useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
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

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;

/**
 * Files in the order given, as sample pages (several files = pages 1..n). A file over
 * MAX_SAMPLE_BYTES is refused by `File.size` before any byte is read, with a message.
 */
function addFiles(list: FileList | null): void {
  if (!list || list.length === 0) return;
  const files = Array.from(list);
  const tooBig = files.filter((f) => f.size > MAX_SAMPLE_BYTES);
  for (const f of tooBig)
    useSpecStore
      .getState()
      .notify(
        `“${f.name}” is ${mb(f.size)}; sample files up to ${mb(MAX_SAMPLE_BYTES)} are loaded. It was not read: cut it down to a few pages of records.`,
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
  const status = useSpecStore((s) => s.sampleStore);
  const secretsKept = useSpecStore((s) => s.persistSecrets);
  if (status.state === 'failed')
    return (
      <p className="pv-store-note pv-store-failed" role="alert">
        <strong>Not saved.</strong> {status.message}
      </p>
    );
  if (count === 0) return null;
  const secrets = secretsKept ? ', password inputs included (you opted in)' : '; password inputs are not';
  return (
    <p className="pv-store-note pv-muted" role="status">
      {status.state === 'restored' && status.pages
        ? `Restored ${status.pages} page${status.pages === 1 ? '' : 's'} saved with this spec. `
        : ''}
      Pages and run inputs are saved with this spec in this browser{secrets}.
    </p>
  );
}

/**
 * Where sample responses come in: paste a page, load files (several at once = pages in order), or
 * drop files anywhere on the panel. Each page is parsed on its own; a bad page never breaks the rest.
 */
export function SamplesPanel() {
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
          `The pasted page is ${mb(size)}; sample pages up to ${mb(MAX_SAMPLE_BYTES)} are loaded. It was not added: cut it down to a few pages of records.`,
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
    addSamples([{ name: `pasted page ${count + 1}`, origin: 'paste', source, envelope }]);
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
          useSpecStore
            .getState()
            .notify(
              `The clipboard could not be read: ${err instanceof Error ? err.message : String(err)}`,
              'error',
            );
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
      aria-label="Sample responses"
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
          Load files…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".json,.txt,application/json"
          aria-label="Sample files"
          hidden
          onChange={(e) => {
            addFiles(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
        <ExampleSampleButton />
        {count > 0 && (
          <button type="button" className="pv-button pv-quiet" onClick={clearSamples}>
            Remove all
          </button>
        )}
        <span className="pv-muted pv-hint">or drop JSON files here</span>
      </div>
      <SampleStoreNote count={count} />
      <SamplePageList />
      <div className="pv-paste">
        <label htmlFor="pv-paste-text">Paste a response of your API</label>
        {held ? (
          <p className="pv-muted" role="status">
            A pasted page of {sizeText(typeof held === 'string' ? held.length : held.size)} is ready. It is
            not shown here: the box shows up to {MAX_PASTE_SHOWN_CHARS.toLocaleString('en')} characters.{' '}
            <button type="button" className="pv-button pv-quiet" onClick={() => setHeld(null)}>
              Discard it
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
            Add page
          </button>
          <label className="pv-check">
            <input type="checkbox" checked={envelope} onChange={(e) => setEnvelope(e.target.checked)} />
            <span>
              Envelope: <code>{'{"headers": {…}, "body": …}'}</code>
            </span>
          </label>
          <span className="pv-muted">added as page {count + 1}</span>
        </div>
      </div>
    </section>
  );
}
