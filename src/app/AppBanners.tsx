import { Banner } from '../components/Banner';
import { readEntryText } from '../lib/library';
import { useSpecStore } from '../store';

/** Storage problems and the "open in another tab" notice. */
export function AppBanners() {
  const issue = useSpecStore((s) => s.storageIssue);
  const otherTab = useSpecStore((s) => s.otherTab);
  const setStorageIssue = useSpecStore((s) => s.setStorageIssue);
  const fork = useSpecStore((s) => s.forkDocument);
  const setOtherTab = useSpecStore((s) => s.setOtherTab);
  const loadDocument = useSpecStore((s) => s.loadDocument);
  const docId = useSpecStore((s) => s.docId);
  return (
    <>
      {issue && (
        <Banner tone={issue.kind === 'corrupt' ? 'warning' : 'error'} onDismiss={() => setStorageIssue(null)}>
          {issue.message}
        </Banner>
      )}
      {otherTab && (
        <Banner
          tone="warning"
          actions={
            <>
              <button
                type="button"
                className="button"
                onClick={() => {
                  fork();
                  setOtherTab(false);
                }}
              >
                Keep mine as a copy
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  const text = readEntryText(docId);
                  if (text !== null) loadDocument(text, 'library', { docId });
                  setOtherTab(false);
                }}
              >
                Load the saved version
              </button>
            </>
          }
        >
          This spec is also open in another tab. Library saves from this tab are paused so neither tab
          overwrites the other.
        </Banner>
      )}
    </>
  );
}
