import { lazy, Suspense, useState } from 'react';
import { MenuButton } from '../../components/MenuButton';
import { t, useT } from '../../i18n';
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
  useT();
  const notify = useSpecStore((s) => s.notify);
  const fileName = useSpecStore((s) => specFileName(specName(s.doc)));
  const [kitOpen, setKitOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);

  /** The text exactly as the user has it; refused while it does not parse. */
  const current = (): { text: string; errors: number; name: string; id?: string } | null => {
    const s = useSpecStore.getState();
    if (s.parseError) {
      const line = String(s.parseError.line);
      notify(() => t('app.exportMenu.fixJsonFirst', { line }), 'error');
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
    if (ok) {
      const doc = useSpecStore.getState().doc;
      const secrets = secretNote(doc);
      notify(
        () => t('app.exportMenu.copied', { what, notes: errorNote(c.errors) + secretNote(doc) }),
        c.errors || secrets ? 'warning' : 'success',
      );
    } else notify(() => t('app.exportMenu.copyFailed'), 'error');
  };

  const download = () => {
    const c = current();
    if (!c) return;
    const file = specFileName(c.name);
    downloadText(file, c.text);
    markExported(useSpecStore.getState().docId);
    exportedAsOriginal(c.text);
    const doc = useSpecStore.getState().doc;
    const secrets = secretNote(doc);
    notify(
      () => t('app.exportMenu.downloaded', { file, notes: errorNote(c.errors) + secretNote(doc) }),
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
      if (r.ok) notify(() => `${r.message}${errorNote(c.errors)}`, c.errors ? 'warning' : 'success');
      else notify(() => r.message, 'error');
    } catch {
      notify(() => t('app.exportMenu.loadFailed'), 'error');
    }
  };

  const openKit = () => {
    if (current()) setKitOpen(true);
  };

  return (
    <>
      <MenuButton
        label={t('app.exportMenu.label')}
        name="export"
        items={[
          { id: 'copy', label: t('app.exportMenu.copyJson'), onSelect: () => void copy('json') },
          { id: 'download', label: t('app.exportMenu.download', { file: fileName }), onSelect: download },
          {
            id: 'share',
            label: t('app.exportMenu.share'),
            hint: t('app.exportMenu.shareHint'),
            onSelect: () => setShareOpen(true),
          },
          {
            id: 'post',
            label: t('app.exportMenu.copyRequest'),
            hint: t('app.exportMenu.postHint'),
            separatorBefore: true,
            onSelect: () => void copy('post'),
          },
          {
            id: 'put',
            label: t('app.exportMenu.copyRequest'),
            hint: t('app.exportMenu.putHint'),
            onSelect: () => void copy('put'),
          },
          {
            id: 'kit',
            label: t('app.exportMenu.kit'),
            hint: t('app.exportMenu.kitHint'),
            separatorBefore: true,
            onSelect: openKit,
          },
          {
            id: 'postman',
            label: t('app.exportMenu.postman'),
            hint: t('app.exportMenu.flowHint'),
            onSelect: () => void exportFlow('postman'),
          },
          {
            id: 'flow-script',
            label: t('app.exportMenu.script'),
            hint: t('app.exportMenu.flowHint'),
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
