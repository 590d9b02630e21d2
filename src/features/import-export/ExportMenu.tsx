import { MenuButton } from '../../components/MenuButton';
import { markExported } from '../../lib/library';
import { useSpecStore } from '../../store';
import { specName } from '../../store/selectors';
import { buildCurl, specId } from './curl';
import { copyText, downloadText, errorNote } from './exportActions';
import { specFileName } from './fileImport';
import { secretNote } from './secretNote';

/** Export: copy the JSON, download it, or copy a curl request for Adobe's Flow Service API. */
export function ExportMenu() {
  const notify = useSpecStore((s) => s.notify);
  const fileName = useSpecStore((s) => specFileName(specName(s.doc)));

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
    const secrets = secretNote(useSpecStore.getState().doc);
    notify(
      `Downloaded ${file}.${errorNote(c.errors)}${secrets}`,
      c.errors || secrets ? 'warning' : 'success',
    );
  };

  return (
    <MenuButton
      label="Export"
      items={[
        { id: 'copy', label: 'Copy JSON', onSelect: () => void copy('json') },
        { id: 'download', label: `Download ${fileName}`, onSelect: download },
        {
          id: 'post',
          label: 'Copy as API request',
          hint: 'POST create',
          separatorBefore: true,
          onSelect: () => void copy('post'),
        },
        { id: 'put', label: 'Copy as API request', hint: 'PUT update', onSelect: () => void copy('put') },
      ]}
    />
  );
}
