import { useT } from '../../i18n';
import { useSpecStore } from '../../store';
import type { SamplePage } from '../../store/previewTypes';

/**
 * The response headers of one sample page as a small name/value editor. The simulation receives
 * them with lower-case names, so PAGE pagination with `endPageIndex: "headers.x-pagecount"` can be
 * tried against the samples.
 */
export function PageHeaders({ page, n }: { page: SamplePage; n: number }) {
  const t = useT();
  const setHeaders = useSpecStore((s) => s.setSamplePageHeaders);
  const rows = page.headers ?? [];
  const update = (i: number, cell: 0 | 1, text: string) =>
    setHeaders(
      page.id,
      rows.map((r, j): [string, string] => (j !== i ? r : cell === 0 ? [text, r[1]] : [r[0], text])),
    );
  return (
    <div className="pv-pheaders" role="group" aria-label={t('preview.headers.group', { page: n })}>
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('preview.headers.name')}</th>
              <th scope="col">{t('preview.headers.value')}</th>
              <th aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, value], i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={t('preview.headers.nameOf', { page: n, n: i + 1 })}
                    value={name}
                    spellCheck={false}
                    placeholder="x-pagecount"
                    onChange={(e) => update(i, 0, e.target.value)}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('preview.headers.valueOf', { page: n, n: i + 1 })}
                    value={value}
                    spellCheck={false}
                    onChange={(e) => update(i, 1, e.target.value)}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="pv-icon"
                    aria-label={t('preview.headers.removeOf', { page: n, n: i + 1 })}
                    title={t('preview.headers.remove')}
                    onClick={() =>
                      setHeaders(
                        page.id,
                        rows.filter((_, j) => j !== i),
                      )
                    }
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="pv-button pv-quiet pv-small"
        onClick={() => setHeaders(page.id, [...rows, ['', '']])}
      >
        {t('preview.headers.add')}
      </button>
    </div>
  );
}
