import { EXPLORE_SPEC_BOILERPLATE, getAt, type SectionInfo } from '@core';
import { useT } from '../../../i18n';
import { useDoc, useFrozen, useWrite } from '../hooks/useSpecBindings';
import { fieldId } from '../model/fieldIds';
import { deepEqual } from '../model/json';

/** exploreSpec is fixed boilerplate: shown read-only, with a one-click reset to Adobe's version. */
export function ExploreSpecSection({ section }: { section: SectionInfo }) {
  const t = useT();
  const doc = useDoc();
  const frozen = useFrozen();
  const write = useWrite();
  const value = getAt(doc, section.pointer);
  const same = deepEqual(value, EXPLORE_SPEC_BOILERPLATE);
  return (
    <div className="sf-explore">
      <p className={same ? 'sf-help' : 'sf-notice'} role="status">
        {value === undefined
          ? t('form.explore.missing')
          : same
            ? t('form.explore.matches')
            : t('form.explore.differs')}
      </p>
      {value !== undefined && (
        <pre
          className="sf-code sf-readonly"
          id={fieldId(section.pointer)}
          tabIndex={0}
          aria-label={t('form.explore.readOnly')}
        >
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
      <button
        type="button"
        className="sf-button"
        disabled={frozen || same}
        onClick={() => write(section.pointer, EXPLORE_SPEC_BOILERPLATE)}
      >
        {t('form.explore.reset')}
      </button>
    </div>
  );
}
