/**
 * Building blocks shared by the connection-spec JSON Schemas. Every schema here is plain JSON data
 * (draft-07), so it can feed ajv, rjsf forms and Monaco's hover docs alike.
 */
import type { JsonObject } from '../types';

/** A JSON Schema (draft-07) as plain JSON data. */
export type JSONSchema = JsonObject;

/** A string field with a human title and description. */
export function str(title: string, description: string, extra: JsonObject = {}): JSONSchema {
  return { type: 'string', title, description, ...extra };
}

/** A boolean field with a human title and description. */
export function bool(title: string, description: string): JSONSchema {
  return { type: 'boolean', title, description };
}

/**
 * An integer that Adobe's examples also write as a numeric string (`"100"`, `"850"`): the number
 * form comes first so forms default to it.
 */
export function intOrNumericString(title: string, description: string, minimum = 0): JSONSchema {
  return {
    title,
    description,
    anyOf: [
      { type: 'integer', title: 'Number', minimum },
      { type: 'string', title: 'Numeric text (legacy)', pattern: '^\\s*-?\\d+\\s*$' },
    ],
  };
}

/** A list of attribute names (skip/keep lists). */
export function nameList(title: string, description: string): JSONSchema {
  return { type: 'array', title, description, items: { type: 'string' } };
}

/**
 * A catalog UI string: `{ key }` once Adobe has assigned keys, `{ text }` while testing.
 */
export function uiString(title: string, description: string): JSONSchema {
  return {
    type: 'object',
    title,
    description,
    properties: {
      key: str('Key', 'Key assigned by Adobe once the artifacts are merged.'),
      text: str('Text', 'Literal text, fine while testing before Adobe assigns a key.'),
    },
  };
}

/** An object of string values (query parameters, headers), in document order. */
export function stringMap(title: string, description: string): JSONSchema {
  return { type: 'object', title, description, additionalProperties: { type: 'string' } };
}

/**
 * A JSON Schema object that declares parameters (`authSpec[i].spec`, `sourceSpec.spec`): `properties`
 * maps each parameter name to its own small schema.
 */
export function paramsSchema(title: string, description: string): JSONSchema {
  return {
    type: 'object',
    title,
    description,
    properties: {
      $schema: str('Schema dialect', 'Always "http://json-schema.org/draft-07/schema#".'),
      type: str('Type', 'Always "object".', { default: 'object' }),
      description: str('Description', 'What these parameters are for.'),
      properties: {
        type: 'object',
        title: 'Parameters',
        description: 'One entry per parameter; use each one in the request as ${name}.',
        additionalProperties: paramDeclSchema,
      },
      required: { type: 'array', title: 'Required parameters', items: { type: 'string' } },
    },
  };
}

/** One declared parameter inside `properties`. */
export const paramDeclSchema: JSONSchema = {
  type: 'object',
  title: 'Parameter',
  properties: {
    type: str('Type', 'JSON type of the value, usually "string".'),
    title: str('Label', 'Label shown to the user.'),
    description: str('Description', 'Help text shown to the user.'),
    format: str('Format', '"password" masks the value as a secret; "date" for dates.'),
    uiAttributes: {
      type: 'object',
      title: 'UI attributes',
      properties: { hidden: bool('Hidden', 'Hide this field in the UI.') },
    },
    restAttributes: {
      type: 'object',
      title: 'REST attributes',
      description: 'How the engine sends this value.',
      properties: {
        headerParamName: str('Header name', 'HTTP header that carries this key, e.g. X-Auth-Key1.'),
      },
    },
  },
};
