/**
 * The one entry of the Spec Studio core: everything the app, the worker and the CLI may use.
 * Pure TypeScript (no React, DOM, zustand, Monaco, rjsf or node:*), enforced by lint and by
 * src/core/tsconfig.json, which has no DOM lib.
 */
export * from './types';
export * from './json/parseJson';
export * from './json/pointer';
export * from './json/locate';
export { jsonEqual } from './json/equal';
export { describeBinary, invalidUtf8Offset, sniffBinary, type BinaryKind } from './json/sniff';
export { findValueRange, shadowedKeysOnPath } from './json/lex';
export * from './jsonpath/jsonPath';
export * from './flatten/flatten';
export * from './flatten/toTable';
export * from './flatten/explain';
export * from './dates/formatDate';
export * from './placeholders/placeholders';
export * from './run/simulate';
export * from './run/liveTypes';
export * from './run/live';
export * from './spec/normalise';
export * from './spec/validate';
export * from './spec/documentKind';
export * from './spec/sampleChecks';
export * from './spec/secrets';
export * from './schemas/index';
export * from './adobe/calls';
export * from './kit/kit';
export * from './publish/publish';
export * from './adobe/flow';
export * from './cases/index';
export * from './share/shareLink';
export * from './changes/summariseChanges';
export * from './diagnosticCodes';
