/** Schema of the connection spec's top-level (metadata) fields. */
import { str, type JSONSchema } from './common';

/** Adobe's fixed provider ID for batch generic-REST sources. */
export const BATCH_PROVIDER_ID = '0ed90a81-07f4-4586-8190-b40eccef1c5a';

/** Top-level metadata: name, description, type, providerId, version, spec-level attributes. */
export const metadataSchema: JSONSchema = {
  type: 'object',
  title: 'Source',
  description: 'Name and identity of the connection spec.',
  properties: {
    name: str('Name', 'Name of the spec, e.g. "MailChimp Members source".', { minLength: 1 }),
    description: str('Description', 'Free text describing the source.'),
    type: str('Engine type', '"generic-rest" for batch sources built with the SDK.', {
      examples: ['generic-rest'],
      default: 'generic-rest',
    }),
    providerId: str('Provider ID', `Fixed by Adobe: ${BATCH_PROVIDER_ID} for batch REST sources.`, {
      default: BATCH_PROVIDER_ID,
    }),
    version: str('Version', 'Spec version; "1.0" in every Adobe example.', { default: '1.0' }),
    attributes: {
      type: 'object',
      title: 'Spec attributes',
      description: 'Spec-level flags, e.g. uiAttributes.apiFeatures.explorePaginationSupported.',
    },
  },
  required: ['name', 'type', 'providerId', 'version'],
};
