import { Banner } from '../../components/Banner';
import { parseErrorText } from '../../i18n/diagnostics';
import { useT } from '../../i18n';
import { T } from '../../i18n/T';
import { jumpToText } from '../../lib/editorJump';
import { useSpecStore } from '../../store';
import { selectParseError } from '../../store/selectors';

/** Shown while the JSON text does not parse: where (a link to the spot), and that nothing is lost. */
export function ParseErrorBanner() {
  const error = useSpecStore(selectParseError);
  const t = useT();
  if (!error) return null;
  return (
    <Banner tone="error">
      <strong>
        <T
          id="app.parseError.at"
          values={{ line: String(error.line), column: String(error.column) }}
          components={{
            0: (
              <button
                type="button"
                className="link-button"
                title={t('app.parseError.goTo')}
                onClick={() => jumpToText(error.offset, error.length)}
              />
            ),
          }}
        />
      </strong>{' '}
      {t('app.parseError.rest', { message: parseErrorText(error, false) })}
    </Banner>
  );
}
