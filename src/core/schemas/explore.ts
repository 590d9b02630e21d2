/** `exploreSpec`: Adobe's fixed boilerplate for the explore (preview) API, and its schema. */
import { str, type JSONSchema } from './common';
import type { JsonObject } from '../types';

/**
 * The exploreSpec every batch SDK source carries, copied as Adobe publishes it, including the
 * stray space in `responseSpec.$schema` ("http: //…"), which Adobe's own specs contain.
 * Treat as read-only: clone before editing.
 */
export const EXPLORE_SPEC_BOILERPLATE: JsonObject = {
  name: 'Resource',
  type: 'Resource',
  requestSpec: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' },
  responseSpec: {
    $schema: 'http: //json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      format: { type: 'string' },
      schema: {
        type: 'object',
        properties: {
          columns: {
            type: 'array',
            items: { type: 'object', properties: { name: { type: 'string' }, type: { type: 'string' } } },
          },
        },
      },
      data: { type: 'array', items: { type: 'object' } },
    },
  },
};

/** Schema of `exploreSpec`. */
export const exploreSpecSchema: JSONSchema = {
  type: 'object',
  title: 'Explore spec',
  description: 'Fixed boilerplate for the explore (preview) API: copy it as Adobe publishes it.',
  properties: {
    name: str('Name', 'Always "Resource".'),
    type: str('Type', 'Always "Resource".'),
    requestSpec: { type: 'object', title: 'Request spec' },
    responseSpec: { type: 'object', title: 'Response spec' },
  },
  required: ['name', 'type'],
};
