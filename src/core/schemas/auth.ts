/** Schemas of `authSpec`: one entry per supported authentication method. */
import { paramsSchema, str, type JSONSchema } from './common';

/** Auth types the engine knows; other strings (legacy `oAuth2-refresh-code`) are tolerated. */
export const AUTH_TYPES = ['OAuth2RefreshCode', 'BasicAuthentication', 'KeyBased'] as const;

function requireParams(type: string, names: string[]): JSONSchema {
  return {
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: { properties: { spec: { properties: { properties: { required: names } } } } },
  };
}

/** One `authSpec` entry: `{ name, type, spec }`, with per-type checks of the declared parameters. */
export const authSpecEntrySchema: JSONSchema = {
  type: 'object',
  title: 'Authentication method',
  properties: {
    name: str('Name', 'Name a base connection quotes in auth.specName, e.g. "OAuth2 Refresh Code".', {
      minLength: 1,
    }),
    type: str('Type', 'OAuth2RefreshCode, BasicAuthentication or KeyBased (API key).', {
      examples: [...AUTH_TYPES],
    }),
    spec: paramsSchema(
      'Credentials',
      'JSON Schema of the credentials the user enters; use each one as ${name}.',
    ),
  },
  required: ['name', 'type', 'spec'],
  allOf: [
    requireParams('OAuth2RefreshCode', ['accessToken']),
    requireParams('BasicAuthentication', ['username', 'password']),
  ],
};

/** The `authSpec` array. */
export const authSpecSchema: JSONSchema = {
  type: 'array',
  title: 'Authentication',
  description: 'Authentication methods the source supports; the user picks one per connection.',
  items: authSpecEntrySchema,
};
