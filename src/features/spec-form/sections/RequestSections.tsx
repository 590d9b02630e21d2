import { getAt, joinPointer, SECTIONS, type SectionInfo } from '@core';
import { useT } from '../../../i18n';
import { useDoc } from '../hooks/useSpecBindings';
import { URL_PARAM_FIELDS } from '../model/sectionFields';
import { sectionText } from '../schemaText';
import { JsonTextField } from './JsonTextField';
import { KeyValueTable } from './KeyValueTable';
import { RjsfSection } from './RjsfSection';

/** urlParams: host, path and method as a form, queryParams as a key/value table. */
export function UrlParamsSection({ section }: { section: SectionInfo }) {
  const t = useT();
  return (
    <>
      <RjsfSection
        pointer={section.pointer}
        fields={URL_PARAM_FIELDS}
        coreSchema={section.schema}
        label={sectionText(section).title}
      />
      <KeyValueTable
        pointer={joinPointer(section.pointer, 'queryParams')}
        caption={t('form.request.queryParams')}
        kind="query"
        keyBase="param"
      />
    </>
  );
}

/** headerParams: a key/value table. */
export function HeaderParamsSection({ section }: { section: SectionInfo }) {
  const t = useT();
  return (
    <KeyValueTable
      pointer={section.pointer}
      caption={t('form.request.headers')}
      kind="header"
      keyBase="header"
    />
  );
}

const URL_SECTION = SECTIONS.find((s) => s.id === 'urlParams');
const URL_POINTER = URL_SECTION?.pointer ?? '/sourceSpec/attributes/urlParams';

/** bodyParams: JSON text, only meaningful when the method is POST. */
export function BodyParamsSection({ section }: { section: SectionInfo }) {
  const t = useT();
  const doc = useDoc();
  const method = getAt(doc, joinPointer(URL_POINTER, 'method'));
  const body = getAt(doc, section.pointer);
  if (method !== 'POST' && body === undefined) {
    return (
      <p className="sf-help">
        {t('form.request.bodyOnlyPost', {
          section: URL_SECTION ? sectionText(URL_SECTION).title : 'Request URL',
        })}
      </p>
    );
  }
  return (
    <>
      {method !== 'POST' && (
        <p className="sf-notice" role="note">
          {t('form.request.bodyNotSent')}
        </p>
      )}
      <JsonTextField pointer={section.pointer} label={t('form.request.body')} placeholders />
    </>
  );
}
