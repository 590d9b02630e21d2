import { useMemo } from 'react';
import { connectionSpecSchema } from '@core';
import { useSpecStore } from '../../store';
import { selectDoc } from '../../store/selectors';
import { findJsonOnlyKeys } from './jsonOnlyKeys';

/** "This spec has fields shown only in JSON", with the first few of them, when there are any. */
export function JsonOnlyNote() {
  const doc = useSpecStore(selectDoc);
  const keys = useMemo(() => findJsonOnlyKeys(doc, connectionSpecSchema), [doc]);
  const revealPointer = useSpecStore((s) => s.revealPointer);
  if (keys.length === 0) return null;
  return (
    <div className="note" role="note">
      <strong>This spec has fields shown only in JSON.</strong> They are kept as they are on every edit and
      export:{' '}
      {keys.slice(0, 4).map((k, i) => (
        <span key={k}>
          {i > 0 && ', '}
          <button type="button" className="link-button" onClick={() => revealPointer(k, 'diagnostics')}>
            <code>{k}</code>
          </button>
        </span>
      ))}
      {keys.length > 4 && ` and ${keys.length - 4} more`}.
    </div>
  );
}
