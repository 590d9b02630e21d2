import { useRef, useState, type DragEvent } from 'react';
import { useSpecStore } from '../../store';
import { addSamples, clearSamples } from './previewService';
import { SamplePageList } from './SamplePageList';
import { ExampleSampleButton } from './ExampleSampleButton';

/** Largest sample file read (BAD-INPUTS A8): a bigger one is refused by its size, never read. */
export const MAX_SAMPLE_BYTES = 60 * 1024 * 1024;

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

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
 * Where sample responses come in: paste a page, load files (several at once = pages in order), or
 * drop files anywhere on the panel. Each page is parsed on its own; a bad page never breaks the rest.
 */
export function SamplesPanel() {
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const [envelope, setEnvelope] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const count = useSpecStore((s) => s.samplePages.length);

  const addPasted = (): void => {
    if (text.trim() === '') return;
    addSamples([{ name: `pasted page ${count + 1}`, origin: 'paste', source: text, envelope }]);
    setText('');
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
      <SamplePageList />
      <div className="pv-paste">
        <label htmlFor="pv-paste-text">Paste a response of your API</label>
        <textarea
          id="pv-paste-text"
          value={text}
          spellCheck={false}
          placeholder='{"members": [ … ], "total_items": 1234}'
          onChange={(e) => setText(e.target.value)}
        />
        <div className="pv-toolbar">
          <button
            type="button"
            className="pv-button pv-primary"
            disabled={text.trim() === ''}
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
