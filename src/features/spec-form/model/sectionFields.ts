import { PAGINATION_TYPES } from '@core';
import type { FieldSpec } from './fields';

/** Top-level metadata of the spec (section pointer is the document root). */
export const METADATA_FIELDS: readonly FieldSpec[] = [
  { key: 'name', title: 'Name', kind: 'text', required: true, description: 'Name of the connection spec.' },
  { key: 'description', title: 'Description', kind: 'textarea' },
  {
    key: 'type',
    title: 'Type',
    kind: 'text',
    required: true,
    description: '"generic-rest" for batch SDK sources.',
  },
  { key: 'providerId', title: 'Provider ID', kind: 'text', required: true },
  { key: 'version', title: 'Version', kind: 'text', required: true, description: '"1.0" in every example.' },
];

/** `sourceSpec.attributes.uiAttributes`: catalog flags and keys. */
export const UI_ATTRIBUTE_FIELDS: readonly FieldSpec[] = [
  { key: 'isSource', title: 'Is a source', kind: 'boolean' },
  { key: 'isPreview', title: 'Preview', kind: 'boolean' },
  { key: 'isBeta', title: 'Beta', kind: 'boolean' },
  { key: 'category', title: 'Category key', kind: 'uiString' },
  { key: 'icon', title: 'Icon key', kind: 'uiString' },
  { key: 'label', title: 'Label key', kind: 'uiString' },
  { key: 'description', title: 'Description key', kind: 'uiString' },
  { key: 'documentationLink', title: 'Documentation link', kind: 'text' },
];

/** The fixed part of `urlParams` (queryParams is a key/value table beside the form). */
export const URL_PARAM_FIELDS: readonly FieldSpec[] = [
  {
    key: 'host',
    title: 'Host',
    kind: 'placeholder',
    description: 'Scheme and host, e.g. https://${domain}.example.com',
  },
  { key: 'path', title: 'Path', kind: 'placeholder', required: true },
  { key: 'method', title: 'Method', kind: 'enum', options: ['GET', 'POST'], required: true },
];

/** `contentPath` and `explodeEntityPath` share one shape. */
export const PATH_SPEC_FIELDS: readonly FieldSpec[] = [
  { key: 'path', title: 'Path (JSONPath)', kind: 'text', required: true },
  { key: 'skipAttributes', title: 'Skip attributes', kind: 'lines' },
  { key: 'keepAttributes', title: 'Keep attributes', kind: 'lines' },
  { key: 'overrideWrapperAttribute', title: 'Wrapper name', kind: 'text' },
];

const LIMIT_NAME: FieldSpec = { key: 'limitName', title: 'Limit parameter name', kind: 'text' };
const LIMIT_VALUE: FieldSpec = { key: 'limitValue', title: 'Limit value', kind: 'numberish' };

/** Fields shown for each pagination type, after the type select and before the shared fields. */
export const PAGINATION_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  NONE: [],
  OFFSET: [
    LIMIT_NAME,
    LIMIT_VALUE,
    { key: 'offSetName', title: 'Offset parameter name', kind: 'text' },
    { key: 'endConditionName', title: 'End condition (JSONPath)', kind: 'text' },
    { key: 'endConditionValue', title: 'End condition value', kind: 'text' },
  ],
  PAGE: [
    LIMIT_NAME,
    LIMIT_VALUE,
    { key: 'pageParamName', title: 'Page parameter name', kind: 'text' },
    { key: 'initialPageIndex', title: 'Initial page index', kind: 'numberish' },
    { key: 'endPageIndex', title: 'End page index', kind: 'numberish' },
  ],
  POINTER: [LIMIT_NAME, LIMIT_VALUE, { key: 'pointerPath', title: 'Pointer path', kind: 'text' }],
  CONTINUATION_TOKEN: [
    { key: 'continuationTokenPath', title: 'Continuation token path', kind: 'text' },
    { key: 'parameterType', title: 'Send token as', kind: 'enum', options: ['QUERYPARAM', 'HEADERPARAM'] },
    { key: 'parameterName', title: 'Token parameter name', kind: 'text' },
  ],
};

export const PAGINATION_TYPE_FIELD: FieldSpec = {
  key: 'type',
  title: 'Pagination type',
  kind: 'enum',
  options: PAGINATION_TYPES,
  required: true,
};

export const PAGINATION_COMMON_FIELDS: readonly FieldSpec[] = [
  { key: 'maximumRequest', title: 'Maximum requests', kind: 'numberish', description: 'Default 10000.' },
  { key: 'delayRequestMillis', title: 'Delay between requests (ms)', kind: 'numberish' },
];

/** Fields of each schedule form: standard (no `type`) and ADVANCE. */
export const SCHEDULE_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  STANDARD: [
    { key: 'scheduleStartParamName', title: 'Start parameter name', kind: 'text' },
    { key: 'scheduleEndParamName', title: 'End parameter name', kind: 'text' },
    {
      key: 'scheduleStartParamFormat',
      title: 'Start format',
      kind: 'text',
      description: 'e.g. yyyy-MM-ddTHH:mm:ssZ',
    },
    { key: 'scheduleEndParamFormat', title: 'End format', kind: 'text' },
  ],
  ADVANCE: [
    {
      key: 'paramFormat',
      title: 'Date format',
      kind: 'text',
      description: 'Renders {START_TIME} and {END_TIME}.',
    },
    { key: 'incremental', title: 'Incremental query', kind: 'textarea' },
    { key: 'backfill', title: 'Backfill query', kind: 'textarea' },
  ],
};

export const SCHEDULE_TYPE_FIELD: FieldSpec = {
  key: 'type',
  title: 'Schedule form',
  kind: 'enum',
  options: ['STANDARD', 'ADVANCE'],
  optionLabels: { STANDARD: 'Start/end parameters' },
  absentAs: 'STANDARD',
};
