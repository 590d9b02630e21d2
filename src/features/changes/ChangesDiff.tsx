import { DiffEditor } from '@monaco-editor/react';
import '../../lib/monaco';
import '../../components/monacoThemes';
import { useColorScheme } from '../../components/useColorScheme';

/** Monaco's side-by-side diff of the original and the current text, read-only (lazy chunk). */
export default function ChangesDiff({ original, modified }: { original: string; modified: string }) {
  const scheme = useColorScheme();
  return (
    <DiffEditor
      original={original}
      modified={modified}
      language="json"
      originalModelPath="inmemory://spec-studio/original.json"
      modifiedModelPath="inmemory://spec-studio/changes-now.json"
      theme={scheme === 'dark' ? 'spec-dark' : 'spec-light'}
      options={{
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        automaticLayout: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 12,
        renderOverviewRuler: false,
      }}
      height="100%"
    />
  );
}
