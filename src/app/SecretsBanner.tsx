import { Banner } from '../components/Banner';
import { t, useT } from '../i18n';
import { useSpecStore } from '../store';
import { secretPointersOf } from '../store/storableText';
import { useSettledDoc } from '../store/useSettledDoc';

/**
 * Quiet time after JSON typing before the banner looks for secret values again: the walk covers the
 * whole document (~3 ms per keystroke on a 1 MB spec, issue 12 item 3). Form edits, undo and loads are
 * seen at once (e.g. "Remove them from the spec" hides the banner immediately).
 */
export const SECRETS_SETTLE_MS = 300;

/** How many pointers the banner lists before "…". */
const LISTED = 3;

/**
 * BAD-INPUTS B10 / SEMANTICS §7: the spec on screen carries secret values (a password-format
 * property's `default`, `const`, `examples` or `enum`). They are kept out of this browser's storage
 * unless the user opts in for this document; they can also be removed from the spec in one undoable
 * edit. Once opted in, a small note lets the user stop.
 */
export function SecretsBanner() {
  useT();
  const pointers = secretPointersOf(useSettledDoc(SECRETS_SETTLE_MS, true));
  const persist = useSpecStore((s) => s.persistSecrets);
  const setPersist = useSpecStore((s) => s.setPersistSecrets);
  const updateMany = useSpecStore((s) => s.updateMany);
  const notify = useSpecStore((s) => s.notify);
  if (pointers.length === 0) return null;
  const n = pointers.length;
  const listed = `${pointers.slice(0, LISTED).join(', ')}${n > LISTED ? ', …' : ''}`;
  if (persist)
    return (
      <Banner
        tone="info"
        actions={
          <button type="button" className="button" onClick={() => setPersist(false)}>
            {t('app.secrets.stop')}
          </button>
        }
      >
        {t('app.secrets.saved', { count: n })}
      </Banner>
    );
  const remove = (): void => {
    // The document now (the banner may still show the one from before the last keystrokes).
    const current = secretPointersOf(useSpecStore.getState().doc);
    if (updateMany(current.map((pointer) => ({ pointer, value: undefined }))))
      notify(() => t('app.secrets.removed', { count: n }), 'success');
    else notify(() => t('app.secrets.removeFailed'), 'error');
  };
  return (
    <Banner
      tone="info"
      actions={
        <>
          <button type="button" className="button" onClick={() => setPersist(true)}>
            {t('app.secrets.save')}
          </button>
          <button type="button" className="button" onClick={remove}>
            {t('app.secrets.remove')}
          </button>
        </>
      }
    >
      {t('app.secrets.found', { count: n, listed })}
    </Banner>
  );
}
