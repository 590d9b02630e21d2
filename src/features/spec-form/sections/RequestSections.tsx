import { getAt, joinPointer, SECTIONS, type SectionInfo } from '@core';
import { useDoc } from '../hooks/useSpecBindings';
import { URL_PARAM_FIELDS } from '../model/sectionFields';
import { JsonTextField } from './JsonTextField';
import { KeyValueTable } from './KeyValueTable';
import { RjsfSection } from './RjsfSection';

/** urlParams: host, path and method as a form, queryParams as a key/value table. */
export function UrlParamsSection({ section }: { section: SectionInfo }) {
  return (
    <>
      <RjsfSection
        pointer={section.pointer}
        fields={URL_PARAM_FIELDS}
        coreSchema={section.schema}
        label={section.title}
      />
      <KeyValueTable
        pointer={joinPointer(section.pointer, 'queryParams')}
        caption="Query parameters"
        noun="query parameter"
        keyBase="param"
      />
    </>
  );
}

/** headerParams: a key/value table. */
export function HeaderParamsSection({ section }: { section: SectionInfo }) {
  return <KeyValueTable pointer={section.pointer} caption="Headers" noun="header" keyBase="header" />;
}

const URL_POINTER = SECTIONS.find((s) => s.id === 'urlParams')?.pointer ?? '/sourceSpec/attributes/urlParams';

/** bodyParams: JSON text, only meaningful when the method is POST. */
export function BodyParamsSection({ section }: { section: SectionInfo }) {
  const doc = useDoc();
  const method = getAt(doc, joinPointer(URL_POINTER, 'method'));
  const body = getAt(doc, section.pointer);
  if (method !== 'POST' && body === undefined) {
    return (
      <p className="sf-help">
        A request body is sent only with POST. Set the method to POST under Request URL to add one.
      </p>
    );
  }
  return (
    <>
      {method !== 'POST' && (
        <p className="sf-notice" role="note">
          The method is not POST, so this body is not sent.
        </p>
      )}
      <JsonTextField pointer={section.pointer} label="Body (JSON)" placeholders />
    </>
  );
}
