/**
 * Adobe Experience Platform's Flow Service calls (FORMAT.md §7), as data: the constants, the headers
 * every call carries and the flow-spec update. Shared by the verification flow (Postman collection and
 * shell script, adobe/flow*.ts) and by publishing (publish/*.ts). Nothing here sends anything.
 */
import type { JsonObject, JsonValue } from '../types';

/** Fixed ids and paths of Adobe's platform. */
export const ADOBE = {
  /** Default base URL of the platform (a variable everywhere, so tests point it at a fake). */
  platformUrl: 'https://platform.adobe.io',
  /** Flow Service path under the base URL. */
  flowServicePath: '/data/foundation/flowservice',
  /** Data Prep (mapping sets) path under the base URL. */
  conversionPath: '/data/foundation/conversion',
  /** The `RestStorageToAEP` flow spec every batch REST source joins. */
  flowSpecId: '6499120c-0b15-42dc-936e-847ea3c24d72',
  /** The data lake target connection spec. */
  dataLakeConnectionSpecId: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c',
} as const;

/** Fields Adobe's server sets on connection specs and flow specs: never sent back in a body. */
export const ADOBE_SERVER_FIELDS = [
  'id',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'createdClient',
  'updatedClient',
  'sandboxId',
  'sandboxName',
  'imsOrgId',
  'etag',
] as const;

/** What every call needs; held in memory only (never persisted, never a literal in an export). */
export interface AdobeCredentials {
  /** IMS access token (sent as `Authorization: Bearer …`). */
  accessToken: string;
  apiKey: string;
  orgId: string;
  sandbox: string;
}

/** Header names of the credentials, lower-case (for masking and for the door's auth-header list). */
export const ADOBE_AUTH_HEADERS = ['authorization', 'x-api-key'] as const;

/**
 * The headers of a Flow Service call, in this order: `Authorization: Bearer`, `x-api-key`,
 * `x-gw-ims-org-id`, `x-sandbox-name`, then `Content-Type: application/json` when the call has a body.
 */
export function adobeHeaders(c: AdobeCredentials, withBody: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${c.accessToken}`,
    'x-api-key': c.apiKey,
    'x-gw-ims-org-id': c.orgId,
    'x-sandbox-name': c.sandbox,
  };
  if (withBody) headers['Content-Type'] = 'application/json';
  return headers;
}

/** `base` (no trailing `/`) + the Flow Service path + `path` (which starts with `/`). */
export function flowServiceUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${ADOBE.flowServicePath}${path}`;
}

/**
 * The flow spec with `connectionSpecId` appended to `sourceConnectionSpecIds` (created when absent),
 * unless it is already there (`changed: false`, the flow spec returned as given). Never mutates.
 */
export function addToFlowSpec(
  flowSpec: JsonObject,
  connectionSpecId: string,
): { flowSpec: JsonObject; changed: boolean } {
  const raw: JsonValue | undefined = flowSpec.sourceConnectionSpecIds;
  const ids = Array.isArray(raw) ? raw : [];
  if (ids.some((x) => x === connectionSpecId)) return { flowSpec, changed: false };
  return { flowSpec: { ...flowSpec, sourceConnectionSpecIds: [...ids, connectionSpecId] }, changed: true };
}
