import { useMemo } from 'react';
import { getAt, joinPointer, type JsonValue, type SectionInfo } from '@core';
import { t, useLocale } from '../../../i18n';
import type { PointerEdit } from '../../../store';
import { useDoc } from '../hooks/useSpecBindings';
import { useVariantStash } from '../hooks/useVariantStash';
import type { FieldSpec } from '../model/fields';
import { prop } from '../model/json';
import {
  PAGINATION_COMMON_FIELDS,
  PAGINATION_FIELDS,
  PAGINATION_TYPE_FIELD,
  SCHEDULE_FIELDS,
  SCHEDULE_TYPE_FIELD,
} from '../model/sectionFields';
import { planVariantSwitch } from '../model/variants';
import { sectionText } from '../schemaText';
import { RjsfSection } from './RjsfSection';

interface VariantConfig {
  typeField: FieldSpec;
  variants: Readonly<Record<string, readonly FieldSpec[]>>;
  common: readonly FieldSpec[];
  /** Labels of type options the core schema does not title, in the current language. */
  typeLabels?: () => Readonly<Record<string, string>>;
  /** The variant a `type` value selects (case-insensitive, absent → `absent`). */
  variantOf: (type: JsonValue | undefined) => string | undefined;
}

const PAGINATION: VariantConfig = {
  typeField: PAGINATION_TYPE_FIELD,
  variants: PAGINATION_FIELDS,
  common: PAGINATION_COMMON_FIELDS,
  variantOf: (t) =>
    typeof t === 'string' && PAGINATION_FIELDS[t.toUpperCase()] ? t.toUpperCase() : undefined,
};

const SCHEDULE: VariantConfig = {
  typeField: SCHEDULE_TYPE_FIELD,
  typeLabels: () => ({ STANDARD: t('form.schedule.standard') }),
  variants: SCHEDULE_FIELDS,
  common: [],
  variantOf: (t) =>
    t === undefined
      ? 'STANDARD'
      : typeof t === 'string' && t.toUpperCase() === 'ADVANCE'
        ? 'ADVANCE'
        : undefined,
};

/**
 * A section whose `type` decides the fields shown (pagination, schedule). Switching the type puts the
 * fields of the old variant aside and brings back what was typed for the new one, all as one undo step.
 */
function VariantSection({ section, config }: { section: SectionInfo; config: VariantConfig }) {
  const doc = useDoc();
  const stash = useVariantStash(section.pointer);
  const locale = useLocale();
  const variant = config.variantOf(prop(getAt(doc, section.pointer), 'type'));
  const typeField = useMemo(
    () =>
      config.typeLabels
        ? { ...config.typeField, optionLabels: { ...config.typeField.optionLabels, ...config.typeLabels() } }
        : config.typeField,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the labels change with the language
    [config, locale],
  );
  const fields = useMemo(
    () => [typeField, ...(variant ? (config.variants[variant] ?? []) : []), ...config.common],
    [config, variant, typeField],
  );
  const onWrite = (
    key: string,
    value: JsonValue | undefined,
    slice: JsonValue | undefined,
  ): PointerEdit[] | null => {
    if (key !== 'type') return null;
    const to = config.variantOf(value);
    const typeWrite = { pointer: joinPointer(section.pointer, 'type'), value };
    if (!variant || !to || to === variant) return [typeWrite];
    const plan = planVariantSwitch(
      slice,
      { name: variant, fields: config.variants[variant] ?? [] },
      { name: to, fields: config.variants[to] ?? [] },
      stash.get(),
    );
    stash.set(plan.stash);
    // The type and the fields it brings or puts aside are one user action: one undo step.
    return [
      typeWrite,
      ...plan.writes.map(([k, v]) => ({ pointer: joinPointer(section.pointer, k), value: v })),
    ];
  };
  return (
    <RjsfSection
      pointer={section.pointer}
      fields={fields}
      coreSchema={section.schema}
      onWrite={onWrite}
      label={sectionText(section).title}
    />
  );
}

/** paginationParams: the type select decides which fields show. */
export function PaginationSection({ section }: { section: SectionInfo }) {
  return <VariantSection section={section} config={PAGINATION} />;
}

/** scheduleParams: start/end parameters or the ADVANCE query template. */
export function ScheduleSection({ section }: { section: SectionInfo }) {
  return <VariantSection section={section} config={SCHEDULE} />;
}
