import { Banner } from '../components/Banner';
import { useSpecStore } from '../store';
import { secretPointersOf } from '../store/storableText';

/** How many pointers the banner lists before "…". */
const LISTED = 3;

/**
 * BAD-INPUTS B10 / SEMANTICS §7: the spec on screen carries secret values (a password-format
 * property's `default`, `const`, `examples` or `enum`). They are kept out of this browser's storage
 * unless the user opts in for this document; they can also be removed from the spec in one undoable
 * edit. Once opted in, a small note lets the user stop.
 */
export function SecretsBanner() {
  const pointers = useSpecStore((s) => secretPointersOf(s.doc));
  const persist = useSpecStore((s) => s.persistSecrets);
  const setPersist = useSpecStore((s) => s.setPersistSecrets);
  const updateMany = useSpecStore((s) => s.updateMany);
  const notify = useSpecStore((s) => s.notify);
  if (pointers.length === 0) return null;
  const n = pointers.length;
  const what = n === 1 ? '1 secret value' : `${n} secret values`;
  const listed = `${pointers.slice(0, LISTED).join(', ')}${n > LISTED ? ', …' : ''}`;
  if (persist)
    return (
      <Banner
        tone="info"
        actions={
          <button type="button" className="button" onClick={() => setPersist(false)}>
            Stop saving secrets
          </button>
        }
      >
        This spec&apos;s {what} {n === 1 ? 'is' : 'are'} saved in this browser, as you chose.
      </Banner>
    );
  const remove = (): void => {
    if (updateMany(pointers.map((pointer) => ({ pointer, value: undefined }))))
      notify(`Removed ${what} from the spec (Undo brings them back).`, 'success');
    else notify('The secret values could not be removed: fix the JSON text first.', 'error');
  };
  return (
    <Banner
      tone="info"
      actions={
        <>
          <button type="button" className="button" onClick={() => setPersist(true)}>
            Save them in this browser
          </button>
          <button type="button" className="button" onClick={remove}>
            Remove them from the spec
          </button>
        </>
      }
    >
      This spec contains {what} ({listed}). They are kept out of this browser&apos;s storage; a reload
      restores the spec without them.
    </Banner>
  );
}
