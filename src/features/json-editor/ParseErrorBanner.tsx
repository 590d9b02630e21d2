import { Banner } from '../../components/Banner';
import { jumpToText } from '../../lib/editorJump';
import { useSpecStore } from '../../store';
import { selectParseError } from '../../store/selectors';

/** Shown while the JSON text does not parse: where (a link to the spot), and that nothing is lost. */
export function ParseErrorBanner() {
  const error = useSpecStore(selectParseError);
  if (!error) return null;
  return (
    <Banner tone="error">
      <strong>
        Invalid JSON at{' '}
        <button
          type="button"
          className="link-button"
          title="Go to the error in the JSON editor"
          onClick={() => jumpToText(error.offset, error.length)}
        >
          line {error.line}, column {error.column}
        </button>
        :
      </strong>{' '}
      {error.message.replace(/\s*at line \d+, column \d+\.?$/, '')}. The form shows the last valid version and
      is read-only until the JSON parses again; nothing you typed is lost.
    </Banner>
  );
}
