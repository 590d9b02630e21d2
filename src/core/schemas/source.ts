/** Schemas of `sourceSpec.attributes` request sections, UI attributes, user inputs and custom schema. */
import { bool, nameList, paramsSchema, str, stringMap, uiString, type JSONSchema } from './common';

/** `sourceSpec.attributes.uiAttributes`: how the source appears in the catalog. */
export const uiAttributesSchema: JSONSchema = {
  type: 'object',
  title: 'Catalog appearance',
  description: 'How the source appears in the Experience Platform sources catalog.',
  properties: {
    isSource: bool('Is a source', 'Always true for sources.'),
    isPreview: bool('Preview', 'Show the source as a preview (not yet generally available).'),
    isBeta: bool('Beta', 'Flag the source as beta.'),
    category: uiString('Category', 'Catalog category, e.g. { "key": "marketingAutomation" }.'),
    icon: uiString('Icon', 'Icon key assigned by Adobe, e.g. { "key": "mailchimpMembersIcon" }.'),
    description: uiString('Catalog description', 'Description key, or { "text": ... } while testing.'),
    label: uiString('Catalog label', 'Label key, or { "text": ... } while testing.'),
    documentationLink: str('Documentation link', 'URL of the source documentation.'),
  },
};

const legacyParamString = (what: string): JSONSchema => ({
  type: 'string',
  title: 'Text (legacy)',
  description: `Legacy form: ${what} as "a=1,b=2" or "a=1&b=2".`,
});

/** `urlParams`: where each request goes. */
export const urlParamsSchema: JSONSchema = {
  type: 'object',
  title: 'Request URL',
  description: 'Where each request goes. Use ${name} for values the user or the auth spec supplies.',
  properties: {
    host: str(
      'Host',
      "Scheme and host, e.g. https://${domain}.api.mailchimp.com. Leave empty to use the auth spec's host value.",
    ),
    path: str('Path', 'Resource path, e.g. /3.0/lists/${listId}/members.'),
    method: {
      type: 'string',
      title: 'Method',
      description: 'HTTP method.',
      enum: ['GET', 'POST'],
      default: 'GET',
    },
    queryParams: {
      title: 'Query parameters',
      description: 'Added to every request as ?key=value, in this order.',
      anyOf: [
        stringMap('Query parameters', 'Parameter name → value; values may use ${name} or {SCHEDULE_QUERY}.'),
        legacyParamString('query parameters'),
      ],
    },
  },
};

/** `headerParams`: headers sent on every request. */
export const headerParamsSchema: JSONSchema = {
  title: 'Headers',
  description: 'HTTP headers sent on every request, e.g. { "Content-Type": "application/json" }.',
  anyOf: [stringMap('Headers', 'Header name → value; values may use ${name}.'), legacyParamString('headers')],
};

/** `bodyParams`: the JSON body of POST requests. */
export const bodyParamsSchema: JSONSchema = {
  title: 'Request body',
  description: 'JSON body sent with POST requests; string values may use ${name}.',
};

function pathSpecSchema(
  title: string,
  description: string,
  pathDescription: string,
  wrapper: string,
): JSONSchema {
  return {
    type: 'object',
    title,
    description,
    properties: {
      path: str('Path', pathDescription, { minLength: 1 }),
      skipAttributes: nameList('Skip attributes', 'Attributes removed from each item, e.g. _links.'),
      keepAttributes: nameList('Keep attributes', 'If set, only these attributes of each item are kept.'),
      overrideWrapperAttribute: str('Wrapper name', wrapper),
    },
    required: ['path'],
  };
}

/** `contentPath` object form. */
export const contentPathObjectSchema = pathSpecSchema(
  'Records',
  'Where the records are in each response, and how each record is wrapped.',
  'JSONPath to the array of records in each response, e.g. $.members.',
  'Name of the key each record is wrapped in, e.g. "member". Default: the last name in the path.',
);

/** `contentPath`: the object form, or the legacy plain JSONPath string. */
export const contentPathSchema: JSONSchema = {
  title: 'Records',
  description: 'Where the records are in each response.',
  anyOf: [
    contentPathObjectSchema,
    {
      type: 'string',
      title: 'Path only (legacy)',
      description: 'Legacy form: the JSONPath alone, e.g. $.members.',
    },
  ],
};

/** `explodeEntityPath`: one output record per element of a sub-array. */
export const explodeEntityPathSchema = pathSpecSchema(
  'Explode sub-array',
  'Emit one record per element of a sub-array inside each record.',
  'JSONPath to the sub-array inside each wrapped record, starting with the wrapper, e.g. $.email.activity.',
  'Key that holds the single element in each emitted record, e.g. "activity". Default: the array\'s key.',
);

/** `sourceSpec.spec`: the user inputs of a source connection. */
export const userInputsSchema = paramsSchema(
  'User inputs',
  'Values the user enters when creating a source connection, e.g. listId; use each one as ${name}.',
);

/** `sourceSpec.attributes.schema`: an optional custom JSON Schema of the source's data. */
export const customSchemaSchema: JSONSchema = {
  type: 'object',
  title: 'Custom schema',
  description: 'JSON Schema of every attribute the source returns, including ones sampling would miss.',
};
