import { Banner } from '../components/Banner';
import { downloadText } from '../features/import-export/exportActions';
import { specFileName } from '../features/import-export/fileImport';
import { RecoveryBanner } from '../features/library/RecoveryBanner';
import { takeOverDocument } from '../features/library/tabLock';
import { useOtherTabsOnThisDoc } from '../features/library/tabPresence';
import { entryPersistsSecrets, markExported, readEntryText } from '../lib/library';
import { useSpecStore } from '../store';
import { specName } from '../store/selectors';
import { SecretsBanner } from './SecretsBanner';
import { SpecVersionBanner } from './SpecVersionBanner';

/**
 * Downloads the text on screen exactly as it is (even when it does not parse: when storage failed,
 * the file is the only copy left) and records the export.
 */
export function exportNow(): void {
  const s = useSpecStore.getState();
  const file = specFileName(specName(s.doc));
  downloadText(file, s.text);
  markExported(s.docId);
  s.notify(`Downloaded ${file}.`, 'success');
}

/** Storage problems (with Export offered), the "open in another tab" choice, and crash recovery. */
export function AppBanners() {
  const issue = useSpecStore((s) => s.storageIssue);
  const otherTab = useSpecStore((s) => s.otherTab);
  const setStorageIssue = useSpecStore((s) => s.setStorageIssue);
  const fork = useSpecStore((s) => s.forkDocument);
  const loadDocument = useSpecStore((s) => s.loadDocument);
  const docId = useSpecStore((s) => s.docId);
  const sharing = useOtherTabsOnThisDoc() > 0;
  const offerExport = issue !== null && issue.kind !== 'corrupt' && issue.kind !== 'kept';
  return (
    <>
      <SpecVersionBanner />
      <SecretsBanner />
      {issue && (
        <Banner
          tone={issue.kind === 'corrupt' || issue.kind === 'kept' ? 'warning' : 'error'}
          onDismiss={() => setStorageIssue(null)}
          actions={
            offerExport ? (
              <button type="button" className="button" onClick={exportNow}>
                Export
              </button>
            ) : undefined
          }
        >
          {issue.message}
        </Banner>
      )}
      {otherTab && (
        <Banner
          tone="warning"
          actions={
            <>
              <button type="button" className="button" onClick={takeOverDocument}>
                Take over here
              </button>
              <button type="button" className="button" onClick={fork}>
                Keep mine as a copy
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  const text = readEntryText(docId);
                  if (text !== null)
                    loadDocument(text, 'library', { docId, persistSecrets: entryPersistsSecrets(docId) });
                }}
              >
                Load the saved version
              </button>
            </>
          }
        >
          This spec is also open in another tab, which saves it. Changes here are not saved until you take
          over (this tab&apos;s version then becomes the saved one) or keep them as a copy.
        </Banner>
      )}
      {!otherTab && sharing && (
        <Banner tone="info">
          This spec is also open in another tab. This tab saves it; the other tab&apos;s changes are not saved
          unless it takes over.
        </Banner>
      )}
      <RecoveryBanner />
    </>
  );
}
