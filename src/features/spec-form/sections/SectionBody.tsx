import { contentPathObjectSchema, type JsonValue, type SectionInfo } from '@core';
import { useWrite } from '../hooks/useSpecBindings';
import { METADATA_FIELDS, PATH_SPEC_FIELDS, UI_ATTRIBUTE_FIELDS } from '../model/sectionFields';
import { AuthSpecSection } from './AuthSpecSection';
import { ExploreSpecSection } from './ExploreSpecSection';
import { JsonTextField } from './JsonTextField';
import { Notice, preview } from './Notice';
import { ParamsTable } from './ParamsTable';
import { BodyParamsSection, HeaderParamsSection, UrlParamsSection } from './RequestSections';
import { RjsfSection } from './RjsfSection';
import { PaginationSection, ScheduleSection } from './VariantSection';

/** The editor of one section, chosen by its id. */
export function SectionBody({ section }: { section: SectionInfo }) {
  const s = section;
  switch (s.id) {
    case 'metadata':
      return (
        <RjsfSection pointer={s.pointer} fields={METADATA_FIELDS} coreSchema={s.schema} label={s.title} />
      );
    case 'authSpec':
      return <AuthSpecSection section={s} />;
    case 'uiAttributes':
      return (
        <RjsfSection pointer={s.pointer} fields={UI_ATTRIBUTE_FIELDS} coreSchema={s.schema} label={s.title} />
      );
    case 'urlParams':
      return <UrlParamsSection section={s} />;
    case 'headerParams':
      return <HeaderParamsSection section={s} />;
    case 'bodyParams':
      return <BodyParamsSection section={s} />;
    case 'contentPath':
      return <ContentPathSection section={s} />;
    case 'explodeEntityPath':
      return (
        <RjsfSection pointer={s.pointer} fields={PATH_SPEC_FIELDS} coreSchema={s.schema} label={s.title} />
      );
    case 'paginationParams':
      return <PaginationSection section={s} />;
    case 'scheduleParams':
      return <ScheduleSection section={s} />;
    case 'userInputs':
      return <ParamsTable specPointer={s.pointer} caption="User inputs" />;
    case 'customSchema':
      return <JsonTextField pointer={s.pointer} label="Custom schema (JSON Schema)" rows={20} />;
    case 'exploreSpec':
      return <ExploreSpecSection section={s} />;
  }
}

/** contentPath: the object form; the legacy string form is shown with an explicit conversion. */
function ContentPathSection({ section }: { section: SectionInfo }) {
  const write = useWrite();
  const legacy = (value: JsonValue) =>
    typeof value === 'string' ? (
      <Notice pointer={section.pointer}>
        contentPath is the legacy string <code>{preview(value)}</code>.{' '}
        <button type="button" className="sf-link" onClick={() => write(section.pointer, { path: value })}>
          Convert to the object form
        </button>
      </Notice>
    ) : (
      <Notice pointer={section.pointer}>contentPath is not an object — edit in JSON.</Notice>
    );
  return (
    <RjsfSection
      pointer={section.pointer}
      fields={PATH_SPEC_FIELDS}
      coreSchema={contentPathObjectSchema}
      label={section.title}
      nonObject={legacy}
    />
  );
}
