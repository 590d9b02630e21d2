/** BLANK_SPEC: a valid starting spec made from Adobe's generic-rest-extension template. */
import type { JsonObject } from '../types';
import { EXPLORE_SPEC_BOILERPLATE } from './explore';
import { BATCH_PROVIDER_ID } from './metadata';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/**
 * A new, valid connection spec: one OAuth 2 auth spec (host + access token), a GET request to
 * `${host}/v1/items`, records at `$.items`, no pagination, no user inputs and the explore
 * boilerplate. Validates with no errors. Treat as read-only: clone before editing.
 */
export const BLANK_SPEC: JsonObject = {
  name: 'My source',
  description: 'A batch source built with the Self-Serve Sources SDK.',
  type: 'generic-rest',
  providerId: BATCH_PROVIDER_ID,
  version: '1.0',
  attributes: { uiAttributes: { apiFeatures: { explorePaginationSupported: false } } },
  authSpec: [
    {
      name: 'OAuth2 Refresh Code',
      type: 'OAuth2RefreshCode',
      spec: {
        $schema: DRAFT_07,
        type: 'object',
        description: 'Credentials for connecting to the API with OAuth 2.',
        properties: {
          host: { type: 'string', description: 'Base URL of the API, e.g. https://api.example.com.' },
          accessToken: { type: 'string', description: 'Access token.', format: 'password' },
        },
        required: ['host', 'accessToken'],
      },
    },
  ],
  sourceSpec: {
    attributes: {
      uiAttributes: {
        isSource: true,
        isPreview: true,
        isBeta: true,
        category: { key: 'protocols' },
        icon: { text: 'mySourceIcon' },
        description: { text: 'My source description' },
        label: { text: 'My source' },
      },
      urlParams: { host: '${host}', path: '/v1/items', method: 'GET' },
      contentPath: { path: '$.items', skipAttributes: [] },
      paginationParams: { type: 'NONE' },
    },
    spec: {
      $schema: DRAFT_07,
      type: 'object',
      description: 'Values the user enters when creating a source connection.',
      properties: {},
    },
  },
  // Adobe's boilerplate as published has "http: //json-schema.org/…" (a stray space): not copied here.
  exploreSpec: {
    ...EXPLORE_SPEC_BOILERPLATE,
    responseSpec: { ...(EXPLORE_SPEC_BOILERPLATE['responseSpec'] as JsonObject), $schema: DRAFT_07 },
  },
};
