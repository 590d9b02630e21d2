import { Banner } from '../components/Banner';
import { downloadText } from '../features/import-export/exportActions';
import { specFileName } from '../features/import-export/fileImport';
import { RecoveryBanner } from '../features/library/RecoveryBanner';
import { takeOverDocument } from '../features/library/tabLock';
import { useOtherTabsOnThisDoc } from '../features/library/tabPresence';
import { entryPersistsSecrets, markExported, readEntryText } from '../lib/library';
import { t, useT } from '../i18n';
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
  s.notify(() => t('app.banners.downloaded', { file }), 'success');
}

/** Storage problems (with Export offered), the "open in another tab" choice, and crash recovery. */
export function AppBanners() {
  useT();
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
                {t('app.banners.export')}
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
                {t('app.banners.takeOver')}
              </button>
              <button type="button" className="button" onClick={fork}>
                {t('app.banners.keepCopy')}
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
                {t('app.banners.loadSaved')}
              </button>
            </>
          }
        >
          {t('app.banners.follower')}
        </Banner>
      )}
      {!otherTab && sharing && <Banner tone="info">{t('app.banners.writer')}</Banner>}
      <RecoveryBanner />
    </>
  );
}
