import { lazy, Suspense } from 'react';
import { useLoadSpec } from '../features/import-export/StartMenu';
import { t } from '../i18n';
import { recordAdobeLink } from '../lib/library';
import { useSpecStore } from '../store';

// Publishing is its own feature, loaded when first asked for (it is not needed for the first paint).
const PublishDialog = lazy(() =>
  import('../features/publish/PublishDialog').then((m) => ({ default: m.PublishDialog })),
);
const OpenFromAdobeDialog = lazy(() =>
  import('../features/publish/OpenFromAdobeDialog').then((m) => ({ default: m.OpenFromAdobeDialog })),
);

export interface AdobeDialogsProps {
  which: 'publish' | 'open' | null;
  onClose: () => void;
  /** Keeps the current spec in the library before another one replaces it (as Start does). */
  onBeforeLoad: () => string | null;
}

/** Start → Publish to Adobe… / Open from Adobe…: the publish feature's dialogs, wired to loading. */
export function AdobeDialogs({ which, onClose, onBeforeLoad }: AdobeDialogsProps) {
  const load = useLoadSpec(onBeforeLoad);
  const notify = useSpecStore((s) => s.notify);
  if (which === null) return null;
  return (
    <Suspense fallback={null}>
      {which === 'publish' && <PublishDialog open onClose={onClose} />}
      {which === 'open' && (
        <OpenFromAdobeDialog
          open
          onClose={onClose}
          onOpen={(opened) => {
            onClose();
            load(opened.text, 'file', () => t('app.adobe.openedLabel', { name: opened.name }));
            recordAdobeLink(useSpecStore.getState().docId, {
              connectionSpecId: opened.connectionSpecId,
              sandbox: opened.sandbox,
              how: 'opened',
              at: Date.now(),
            });
            notify(
              () => t('app.adobe.openedNote', { sandbox: opened.sandbox, id: opened.connectionSpecId }),
              'info',
            );
          }}
        />
      )}
    </Suspense>
  );
}
