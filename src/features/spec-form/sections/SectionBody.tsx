import { contentPathObjectSchema, type JsonValue, type SectionInfo } from '@core';
import { useT } from '../../../i18n';
import { T } from '../../../i18n/T';
import { useWrite } from '../hooks/useSpecBindings';
import { METADATA_FIELDS, PATH_SPEC_FIELDS, UI_ATTRIBUTE_FIELDS } from '../model/sectionFields';
import { sectionText } from '../schemaText';
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
  const t = useT();
  const title = sectionText(s).title;
  switch (s.id) {
    case 'metadata':
      return <RjsfSection pointer={s.pointer} fields={METADATA_FIELDS} coreSchema={s.schema} label={title} />;
    case 'authSpec':
      return <AuthSpecSection section={s} />;
    case 'uiAttributes':
      return (
        <RjsfSection pointer={s.pointer} fields={UI_ATTRIBUTE_FIELDS} coreSchema={s.schema} label={title} />
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
        <RjsfSection pointer={s.pointer} fields={PATH_SPEC_FIELDS} coreSchema={s.schema} label={title} />
      );
    case 'paginationParams':
      return <PaginationSection section={s} />;
    case 'scheduleParams':
      return <ScheduleSection section={s} />;
    case 'userInputs':
      return <ParamsTable specPointer={s.pointer} caption={t('form.section.userInputs')} />;
    case 'customSchema':
      return <JsonTextField pointer={s.pointer} label={t('form.section.customSchema')} rows={20} />;
    case 'exploreSpec':
      return <ExploreSpecSection section={s} />;
  }
}

/** contentPath: the object form; the legacy string form is shown with an explicit conversion. */
function ContentPathSection({ section }: { section: SectionInfo }) {
  const t = useT();
  const write = useWrite();
  const legacy = (value: JsonValue) =>
    typeof value === 'string' ? (
      <Notice pointer={section.pointer}>
        <T id="form.contentPath.legacy" values={{ value: preview(value) }} components={{ 0: <code /> }} />{' '}
        <button type="button" className="sf-link" onClick={() => write(section.pointer, { path: value })}>
          {t('form.contentPath.convert')}
        </button>
      </Notice>
    ) : (
      <Notice pointer={section.pointer}>{t('form.contentPath.notObject')}</Notice>
    );
  return (
    <RjsfSection
      pointer={section.pointer}
      fields={PATH_SPEC_FIELDS}
      coreSchema={contentPathObjectSchema}
      label={sectionText(section).title}
      nonObject={legacy}
    />
  );
}
