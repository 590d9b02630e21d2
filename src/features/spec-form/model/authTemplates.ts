import type { JsonObject } from '@core';

const SCHEMA = 'http://json-schema.org/draft-07/schema#';

/**
 * New authSpec entries, from Adobe's documented blocks (FORMAT.md §3, examples/authspec.*.json); the
 * OAuth 2 entry is the documented block with its optional properties (expirationDate, hidden;
 * requestParameterOverride).
 */
export const AUTH_TEMPLATES: ReadonlyArray<{ id: string; label: string; entry: JsonObject }> = [
  {
    id: 'basic',
    label: 'Basic authentication',
    entry: {
      name: 'Basic Authentication',
      type: 'BasicAuthentication',
      spec: {
        $schema: SCHEMA,
        type: 'object',
        description: 'defines auth params required for connecting to rest service.',
        properties: {
          username: { description: 'Username to connect rest endpoint.', type: 'string' },
          password: { description: 'Password to connect rest endpoint.', type: 'string', format: 'password' },
        },
        required: ['username', 'password'],
      },
    },
  },
  {
    id: 'oauth2',
    label: 'OAuth 2 refresh code',
    entry: {
      name: 'OAuth2 Refresh Code',
      type: 'OAuth2RefreshCode',
      spec: {
        $schema: SCHEMA,
        type: 'object',
        description:
          'Define auth params required for connecting to generic rest using oauth2 authorization code.',
        properties: {
          authorizationTestUrl: {
            description: 'Authorization test url to validate accessToken.',
            type: 'string',
          },
          clientId: { description: 'Client id of user account.', type: 'string' },
          clientSecret: { description: 'Client secret of user account.', type: 'string', format: 'password' },
          accessToken: { description: 'Access Token', type: 'string', format: 'password' },
          refreshToken: { description: 'Refresh Token', type: 'string', format: 'password' },
          expirationDate: {
            description: 'Date of token expiry.',
            type: 'string',
            format: 'date',
            uiAttributes: { hidden: true },
          },
          accessTokenUrl: { description: 'Access token url to fetch access token.', type: 'string' },
          requestParameterOverride: {
            type: 'object',
            description: 'Specify parameter to override.',
            properties: {
              accessTokenField: { description: 'Access token field name to override.', type: 'string' },
              refreshTokenField: { description: 'Refresh token field name to override.', type: 'string' },
              expireInField: { description: 'ExpireIn field name to override.', type: 'string' },
              authenticationMethod: {
                description: 'Authentication method override.',
                type: 'string',
                enum: ['GET', 'POST'],
              },
              clientId: { description: 'ClientId field name override.', type: 'string' },
              clientSecret: { description: 'ClientSecret field name override.', type: 'string' },
            },
          },
        },
        required: ['accessToken'],
      },
    },
  },
  {
    id: 'apiKey',
    label: 'API key',
    entry: {
      name: 'API Key Authentication',
      type: 'KeyBased',
      spec: {
        $schema: SCHEMA,
        type: 'object',
        description: 'Define authentication parameters required for API access',
        properties: {
          host: { type: 'string', description: 'Enter resource URL host path' },
          authKey1: {
            type: 'string',
            format: 'password',
            title: 'Authentication Key 1',
            description: 'Primary authentication key for accessing the API',
            restAttributes: { headerParamName: 'X-Auth-Key1' },
          },
        },
        required: ['authKey1'],
      },
    },
  },
];
