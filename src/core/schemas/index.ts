/**
 * The JSON Schemas (draft-07) of an Adobe Self-Serve Sources connection spec: the whole document
 * and one schema per section, in UI order. Plain JSON data: the same schemas drive ajv validation,
 * the rjsf section forms and Monaco's diagnostics and hover docs. Unknown keys are allowed
 * everywhere (no additionalProperties: false), because the app preserves them.
 */
import { authSpecSchema } from './auth';
import type { JSONSchema } from './common';
import { EXPLORE_SPEC_BOILERPLATE, exploreSpecSchema } from './explore';
import { metadataSchema } from './metadata';
import { legacyPaginationArraySchema, paginationSchema } from './pagination';
import { scheduleSchema } from './schedule';
import {
  bodyParamsSchema,
  contentPathSchema,
  customSchemaSchema,
  explodeEntityPathSchema,
  headerParamsSchema,
  uiAttributesSchema,
  urlParamsSchema,
  userInputsSchema,
} from './source';

export type { JSONSchema } from './common';
export { BLANK_SPEC } from './blank';
export { EXPLORE_SPEC_BOILERPLATE };
export { AUTH_TYPES, authSpecEntrySchema, authSpecSchema } from './auth';
export { BATCH_PROVIDER_ID, metadataSchema } from './metadata';
export { PAGINATION_TYPES, paginationSchema } from './pagination';
export { scheduleSchema } from './schedule';
export {
  bodyParamsSchema,
  contentPathObjectSchema,
  contentPathSchema,
  customSchemaSchema,
  explodeEntityPathSchema,
  headerParamsSchema,
  uiAttributesSchema,
  urlParamsSchema,
  userInputsSchema,
} from './source';
export { exploreSpecSchema } from './explore';

export type SectionId =
  | 'metadata'
  | 'authSpec'
  | 'uiAttributes'
  | 'urlParams'
  | 'headerParams'
  | 'bodyParams'
  | 'contentPath'
  | 'explodeEntityPath'
  | 'paginationParams'
  | 'scheduleParams'
  | 'userInputs'
  | 'customSchema'
  | 'exploreSpec';

/** One editable section of a spec: where it lives and the schema of its value. */
export interface SectionInfo {
  id: SectionId;
  title: string;
  description: string;
  /** JSON Pointer of the section's value in a spec ("" = the top-level object). */
  pointer: string;
  schema: JSONSchema;
}

/** `paginationParams` in a whole document: the object form, or the legacy `[{name,type,spec}]` list. */
const paginationAnyForm: JSONSchema = {
  title: paginationSchema['title'] ?? 'Pagination',
  description: paginationSchema['description'] ?? '',
  if: { type: 'array' },
  then: legacyPaginationArraySchema,
  else: paginationSchema,
};

/** Schema of the whole connection spec (draft-07). Tolerant of every variant in Adobe's docs. */
export const connectionSpecSchema: JSONSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Connection spec',
  description: 'An Adobe Experience Platform Self-Serve Sources (Batch SDK) connection spec.',
  type: 'object',
  properties: {
    ...(metadataSchema['properties'] as Record<string, JSONSchema>),
    authSpec: authSpecSchema,
    sourceSpec: {
      type: 'object',
      title: 'Source spec',
      description: 'How requests are built and records extracted, plus the user inputs.',
      properties: {
        attributes: {
          type: 'object',
          title: 'Source attributes',
          description: 'Static configuration of the source.',
          properties: {
            uiAttributes: uiAttributesSchema,
            urlParams: urlParamsSchema,
            headerParams: headerParamsSchema,
            bodyParams: bodyParamsSchema,
            contentPath: contentPathSchema,
            explodeEntityPath: explodeEntityPathSchema,
            paginationParams: paginationAnyForm,
            scheduleParams: scheduleSchema,
            schema: customSchemaSchema,
          },
        },
        spec: userInputsSchema,
      },
      required: ['attributes'],
    },
    exploreSpec: exploreSpecSchema,
  },
  required: [...(metadataSchema['required'] as string[]), 'authSpec', 'sourceSpec', 'exploreSpec'],
};

const A = '/sourceSpec/attributes';

function section(id: SectionId, pointer: string, schema: JSONSchema, description?: string): SectionInfo {
  const title = typeof schema['title'] === 'string' ? schema['title'] : id;
  const text = description ?? (typeof schema['description'] === 'string' ? schema['description'] : '');
  return { id, title, description: text, pointer, schema };
}

/** The sections of a spec, in UI order, each with the pointer where its value lives. */
export const SECTIONS: SectionInfo[] = [
  section('metadata', '', metadataSchema),
  section('authSpec', '/authSpec', authSpecSchema),
  section('uiAttributes', `${A}/uiAttributes`, uiAttributesSchema),
  section('urlParams', `${A}/urlParams`, urlParamsSchema),
  section('headerParams', `${A}/headerParams`, headerParamsSchema),
  section('bodyParams', `${A}/bodyParams`, bodyParamsSchema),
  section('contentPath', `${A}/contentPath`, contentPathSchema),
  section('explodeEntityPath', `${A}/explodeEntityPath`, explodeEntityPathSchema),
  section('paginationParams', `${A}/paginationParams`, paginationSchema),
  section('scheduleParams', `${A}/scheduleParams`, scheduleSchema),
  section('userInputs', '/sourceSpec/spec', userInputsSchema),
  section('customSchema', `${A}/schema`, customSchemaSchema),
  section('exploreSpec', '/exploreSpec', exploreSpecSchema),
];
