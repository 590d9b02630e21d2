/** Schema of `paginationParams`, with per-type required fields (FORMAT.md §4.4 and §8). */
import { intOrNumericString, str, type JSONSchema } from './common';

/** Pagination types in UI order. */
export const PAGINATION_TYPES = ['NONE', 'OFFSET', 'PAGE', 'POINTER', 'CONTINUATION_TOKEN'] as const;

const TYPE_TITLES: Record<(typeof PAGINATION_TYPES)[number], string> = {
  NONE: 'None (one request)',
  OFFSET: 'Offset',
  PAGE: 'Page number',
  POINTER: 'Next-page link',
  CONTINUATION_TOKEN: 'Continuation token',
};

/** Required fields per type; offSetName/pointerPath also accept their legacy names. */
const REQUIRED: Array<[string, string[]]> = [
  ['OFFSET', ['limitName', 'limitValue']],
  ['POINTER', ['limitName', 'limitValue']],
  ['PAGE', ['limitName', 'limitValue', 'pageParamName']],
  ['CONTINUATION_TOKEN', ['continuationTokenPath', 'parameterType', 'parameterName']],
];

function when(type: string, required: string[]): JSONSchema {
  return {
    if: { properties: { type: { enum: [type, type.toLowerCase()] } }, required: ['type'] },
    then: { required },
  };
}

/** `paginationParams` (object form). Lower-case types and numeric strings are accepted. */
export const paginationSchema: JSONSchema = {
  type: 'object',
  title: 'Pagination',
  description: 'How the source pages through results.',
  properties: {
    type: {
      title: 'Type',
      description: 'How the next page is requested.',
      anyOf: [
        ...PAGINATION_TYPES.map((t) => ({ const: t, title: TYPE_TITLES[t] })),
        ...PAGINATION_TYPES.map((t) => ({ const: t.toLowerCase(), title: `${t.toLowerCase()} (legacy)` })),
      ],
    },
    limitName: str('Page size parameter', 'Query parameter that sets the page size, e.g. limit or count.'),
    limitValue: intOrNumericString('Page size', 'Records per page, e.g. 100.', 1),
    offSetName: str('Offset parameter', 'Query parameter that carries the offset, e.g. offset.'),
    offsetName: str('Offset parameter (legacy spelling)', 'Legacy spelling of offSetName.'),
    endConditionName: str(
      'End condition path',
      'JSONPath of a response value that ends paging, e.g. $.hasMore.',
    ),
    endConditionValue: str('End condition value', 'Value that ends paging, e.g. Const:false.'),
    pageParamName: str('Page parameter', 'Query parameter that carries the page number, e.g. pageNumber.'),
    initialPageIndex: intOrNumericString('First page', 'Number of the first page; default 0.'),
    endPageIndex: {
      title: 'Last page',
      description: 'Last page number, or a response header holding the page count, e.g. headers.x-pagecount.',
      type: ['integer', 'string'],
    },
    pointerPath: str(
      'Next-page link path',
      'JSONPath of the next-page link in each response, e.g. $.paging.next.',
    ),
    pointerName: str('Next-page link path (legacy name)', 'Legacy name of pointerPath.'),
    continuationTokenPath: str('Token path', 'JSONPath of the continuation token, e.g. $.meta.after_cursor.'),
    parameterType: {
      type: 'string',
      title: 'Token sent as',
      description: 'Send the token as a query parameter or as a header.',
      enum: ['QUERYPARAM', 'HEADERPARAM'],
    },
    parameterName: str('Token parameter', 'Name of the query parameter or header, e.g. page[after].'),
    maximumRequest: intOrNumericString('Maximum requests', 'Cap on requests per run; default 10000.', 1),
    delayRequestMillis: intOrNumericString('Delay (ms)', 'Pause between requests, e.g. 850; default 0.'),
  },
  allOf: REQUIRED.map(([t, r]) => when(t, r)),
};

/** Legacy array form: `[{ name, type, spec }]` (older config.md). Read with a warning. */
export const legacyPaginationArraySchema: JSONSchema = {
  type: 'array',
  title: 'Pagination (legacy list)',
  description: 'Legacy form: a list of { name, type, spec }; only the first entry is read.',
  items: {
    type: 'object',
    title: 'Pagination option',
    properties: {
      name: str('Name', 'Name of this pagination option.'),
      type: str('Type', 'Pagination type, e.g. offset.'),
      spec: { type: 'object', title: 'Settings', description: 'Settings of this pagination option.' },
    },
  },
};
