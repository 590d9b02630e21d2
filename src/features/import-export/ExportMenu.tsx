import { lazy, Suspense, useState } from 'react';
import { MenuButton } from '../../components/MenuButton';
import { setBaseline } from '../../lib/baseline';
import { markExported } from '../../lib/library';
import { useSpecStore } from '../../store';
import { specName } from '../../store/selectors';
import { buildCurl, specId } from './curl';
import { copyText, downloadText, errorNote } from './exportActions';
import { specFileName } from './fileImport';
import { secretNote } from './secretNote';

const SubmissionKitDialog = lazy(() =>
  import('../submission/SubmissionKitDialog').then((m) => ({ default: m.SubmissionKitDialog })),
);
const ShareDialog = lazy(() => import('../share/ShareDialog').then((m) => ({ default: m.ShareDialog })));

/** An exported text becomes the document's original (what Changes compares with). */
const exportedAsOriginal = (text: string) => {
  const s = useSpecStore.getState();
  void setBaseline(s.docId, text, s.doc, s.persistSecrets);
};

/**
 * Export: copy the JSON, download it, copy a curl request for Adobe's Flow Service API, or the
 * submission kit and the verification flow (Postman collection, shell script).
 */
export function ExportMenu() {
  const notify = useSpecStore((s) => s.notify);
  const fileName = useSpecStore((s) => specFileName(specName(s.doc)));
  const [kitOpen, setKitOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);

  /** The text exactly as the user has it; refused while it does not parse. */
  const current = (): { text: string; errors: number; name: string; id?: string } | null => {
    const s = useSpecStore.getState();
    if (s.parseError) {
      notify(`Fix the JSON first (line ${s.parseError.line}): only valid JSON is exported.`, 'error');
      return null;
    }
    return {
      text: s.text,
      errors: s.diagnostics.filter((d) => d.severity === 'error').length,
      name: specName(s.doc),
      id: specId(s.doc),
    };
  };

  const copy = async (what: 'json' | 'post' | 'put') => {
    const c = current();
    if (!c) return;
    const payload =
      what === 'json' ? c.text : buildCurl(c.text, { method: what === 'post' ? 'POST' : 'PUT', id: c.id });
    const ok = await copyText(payload);
    if (ok && what === 'json') markExported(useSpecStore.getState().docId);
    if (ok && what === 'json') exportedAsOriginal(c.text);
    const label = what === 'json' ? 'JSON' : `${what.toUpperCase()} request`;
    if (ok) {
      const secrets = secretNote(useSpecStore.getState().doc);
      notify(
        `Copied the ${label} to the clipboard.${errorNote(c.errors)}${secrets}`,
        c.errors || secrets ? 'warning' : 'success',
      );
    } else notify('The browser did not allow copying to the clipboard.', 'error');
  };

  const download = () => {
    const c = current();
    if (!c) return;
    const file = specFileName(c.name);
    downloadText(file, c.text);
    markExported(useSpecStore.getState().docId);
    exportedAsOriginal(c.text);
    const secrets = secretNote(useSpecStore.getState().doc);
    notify(
      `Downloaded ${file}.${errorNote(c.errors)}${secrets}`,
      c.errors || secrets ? 'warning' : 'success',
    );
  };

  const exportFlow = async (what: 'postman' | 'script') => {
    const c = current();
    if (!c) return;
    const s = useSpecStore.getState();
    try {
      const m = await import('../submission/flowExports');
      const options = m.flowOptions(s.runInputs.authName, s.flowSchedule);
      const r = what === 'postman' ? m.exportPostman(c.text, options) : m.exportFlowScript(c.text, options);
      if (r.ok) notify(`${r.message}${errorNote(c.errors)}`, c.errors ? 'warning' : 'success');
      else notify(r.message, 'error');
    } catch {
      notify('The export could not be loaded: reload the page and try again.', 'error');
    }
  };

  const openKit = () => {
    if (current()) setKitOpen(true);
  };

  return (
    <>
      <MenuButton
        label="Export"
        items={[
          { id: 'copy', label: 'Copy JSON', onSelect: () => void copy('json') },
          { id: 'download', label: `Download ${fileName}`, onSelect: download },
          {
            id: 'share',
            label: 'Copy share link…',
            hint: 'spec in the URL',
            onSelect: () => setShareOpen(true),
          },
          {
            id: 'post',
            label: 'Copy as API request',
            hint: 'POST create',
            separatorBefore: true,
            onSelect: () => void copy('post'),
          },
          { id: 'put', label: 'Copy as API request', hint: 'PUT update', onSelect: () => void copy('put') },
          {
            id: 'kit',
            label: 'Submission kit (.zip)…',
            hint: "Adobe's review",
            separatorBefore: true,
            onSelect: openKit,
          },
          {
            id: 'postman',
            label: 'Postman collection',
            hint: 'verification flow',
            onSelect: () => void exportFlow('postman'),
          },
          {
            id: 'flow-script',
            label: 'Shell script (bash + curl)',
            hint: 'verification flow',
            onSelect: () => void exportFlow('script'),
          },
        ]}
      />
      {shareOpen && (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setShareOpen(false)} copy={copyText} onDownload={download} />
        </Suspense>
      )}
      {kitOpen && (
        <Suspense fallback={null}>
          <SubmissionKitDialog onClose={() => setKitOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
