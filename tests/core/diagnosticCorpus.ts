/**
 * Every diagnostic the core produces over the reference examples and the test fixtures (hostile ones
 * included): parse warnings, validate, sample-path checks, flatten and simulate. Shared by the
 * diagnostic-code registry test (core) and the catalogue round-trip test (app).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { flatten } from '../../src/core/flatten/flatten';
import { parseJson } from '../../src/core/json/parseJson';
import { simulate } from '../../src/core/run/simulate';
import { normalise } from '../../src/core/spec/normalise';
import { samplePathChecks } from '../../src/core/spec/sampleChecks';
import { validate } from '../../src/core/spec/validate';
import type { Diagnostic, JsonValue, PathSpec, SampleResponse } from '../../src/core/types';
import { fixture, patched, type Edit } from '../fixtures/spec/patch';

const ROOTS = [join(__dirname, '../../../shared/reference/examples'), join(__dirname, '../fixtures')];

function files(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : n.endsWith('.json') ? [p] : [];
  });
}

export interface CorpusDiagnostic extends Diagnostic {
  file: string;
}

export function corpusFiles(): string[] {
  return ROOTS.flatMap(files).sort();
}

const NOW = Date.UTC(2026, 0, 15, 12);
const A = '/sourceSpec/attributes';

/** Sample pages for the synthetic cases: members, a repeated next pointer, no page-count header. */
const SAMPLES: SampleResponse[] = [
  {
    body: {
      members: [{ a: 'x', _links: [1], activity: [1, 2] }, { a: 'y', activity: 3 }, 'z'],
      next: '/same',
    },
  },
  { body: { members: [{ a: 'x' }], next: '/same' } },
  { body: { members: [], next: '/same' } },
];

/** Edits of the Mailchimp example that reach the findings the examples and fixtures do not. */
const SYNTHETIC: Array<[string, Edit[]]> = [
  ['schedule type', [{ pointer: `${A}/scheduleParams/type`, value: 'WEIRD' }]],
  [
    'schedule advance lower',
    [{ pointer: `${A}/scheduleParams`, value: { type: 'advance', paramFormat: 'yyyy', incremental: 'a' } }],
  ],
  [
    'schedule advance no backfill',
    [
      {
        pointer: `${A}/scheduleParams`,
        value: { type: 'ADVANCE', paramFormat: 'yyyy', incremental: 'a={SCHEDULE_QUERY}' },
      },
    ],
  ],
  ['schedule advance text', [{ pointer: `${A}/scheduleParams`, value: { type: 'ADVANCE', paramFormat: 5 } }]],
  ['schedule not object', [{ pointer: `${A}/scheduleParams`, value: 5 }]],
  ['schedule query unset', [{ pointer: `${A}/urlParams/path`, value: '/x?{SCHEDULE_QUERY}&{START_TIME' }]],
  [
    'date formats',
    [
      { pointer: `${A}/scheduleParams/scheduleStartParamFormat`, value: "yyyy g 'open" },
      { pointer: `${A}/scheduleParams/scheduleEndParamFormat`, value: 'yyyy\\' },
    ],
  ],
  ['date format percent', [{ pointer: `${A}/scheduleParams/scheduleStartParamFormat`, value: 'yyyy %' }]],
  [
    'token parameterType',
    [
      {
        pointer: `${A}/paginationParams`,
        value: {
          type: 'CONTINUATION_TOKEN',
          continuationTokenPath: '$.next',
          parameterName: 'tok',
          parameterType: 'BODY',
        },
      },
    ],
  ],
  [
    'token header name',
    [
      {
        pointer: `${A}/paginationParams`,
        value: {
          type: 'CONTINUATION_TOKEN',
          continuationTokenPath: '$.next',
          parameterName: 'bad name',
          parameterType: 'HEADERPARAM',
        },
      },
    ],
  ],
  ['pagination not object', [{ pointer: `${A}/paginationParams`, value: 5 }]],
  ['pagination no type', [{ pointer: `${A}/paginationParams`, value: {} }]],
  [
    'pagination lower',
    [
      {
        pointer: `${A}/paginationParams`,
        value: { type: 'offset', limitName: 'count', limitValue: 10, offsetName: 'o' },
      },
    ],
  ],
  [
    'pagination legacy',
    [
      {
        pointer: `${A}/paginationParams`,
        value: [{ paginationType: 'POINTER', limitName: 'count', limitValue: 'x', pointerName: '$.next' }],
      },
    ],
  ],
  [
    'pagination page header',
    [
      {
        pointer: `${A}/paginationParams`,
        value: {
          type: 'PAGE',
          limitName: 'count',
          limitValue: 10,
          pageParamName: 'page',
          endPageIndex: 'headers.x-count',
        },
      },
    ],
  ],
  [
    'pagination page bad end',
    [
      {
        pointer: `${A}/paginationParams`,
        value: {
          type: 'PAGE',
          limitName: 'count',
          limitValue: 10,
          pageParamName: 'page',
          endPageIndex: true,
        },
      },
    ],
  ],
  [
    'pagination pointer loop',
    [
      {
        pointer: `${A}/paginationParams`,
        value: { type: 'POINTER', limitName: 'count', limitValue: 1, pointerPath: '$.next' },
      },
    ],
  ],
  [
    'pagination missing field',
    [{ pointer: `${A}/paginationParams`, value: { type: 'OFFSET', limitValue: -1 } }],
  ],
  [
    'headers',
    [
      {
        pointer: `${A}/headerParams`,
        value: {
          'a b': 'x',
          'X-A': 'line\nbreak',
          'X-B': 'nul\u0000',
          'X-C': 'bell\u0007',
          'X\u200bY': 'a${li\u200bstId}b',
          Z: 'abc\u202e',
        },
      },
    ],
  ],
  [
    'headers string',
    [
      { pointer: `${A}/headerParams`, value: 'a=1,b=2' },
      { pointer: `${A}/urlParams/queryParams`, value: 5 },
    ],
  ],
  [
    'invisible many',
    [{ pointer: '/x', value: Object.fromEntries([...Array(55).keys()].map((i) => [`k\u200b${i}`, i])) }],
  ],
  [
    'auth header name',
    [
      {
        pointer: '/authSpec/0/spec/properties/accessToken/restAttributes',
        value: { headerParamName: 'bad name' },
      },
    ],
  ],
  [
    'keybased',
    [
      {
        pointer: '/authSpec',
        value: [
          {
            name: 'K',
            type: 'KeyBased',
            spec: { type: 'object', properties: { apiKey: { type: 'string' } } },
          },
        ],
      },
    ],
  ],
  [
    'keybased required',
    [
      {
        pointer: '/authSpec',
        value: [
          {
            name: 'K',
            type: 'KeyBased',
            spec: { type: 'object', properties: { apiKey: { type: 'string' } }, required: ['apiKey'] },
          },
        ],
      },
    ],
  ],
  ['auth not list', [{ pointer: '/authSpec', value: 5 }]],
  ['schema uri', [{ pointer: '/authSpec/0/spec/$schema', value: 'foo' }]],
  ['explode skipped', [{ pointer: `${A}/explodeEntityPath`, value: { path: '$.member._links' } }]],
  ['explode invalid', [{ pointer: `${A}/explodeEntityPath`, value: { path: '$[' } }]],
  ['explode activity', [{ pointer: `${A}/explodeEntityPath`, value: { path: '$.member.activity' } }]],
  ['explode wrong wrapper', [{ pointer: `${A}/explodeEntityPath`, value: { path: '$.other.activity' } }]],
  ['regex refused', [{ pointer: `${A}/contentPath/path`, value: "$.members[?match(@.a, '[')]" }]],
  ['content path not object', [{ pointer: `${A}/contentPath`, value: 5 }]],
  ['content path no path', [{ pointer: `${A}/contentPath`, value: {} }]],
  ['url params not object', [{ pointer: `${A}/urlParams`, value: 5 }]],
  ['url host name', [{ pointer: `${A}/urlParams/hostName`, value: 'https://x' }]],
  [
    'schema values',
    [
      { pointer: '/name', value: '' },
      { pointer: `${A}/urlParams/method`, value: 'PUT' },
      { pointer: `${A}/uiAttributes/isSource`, value: false },
      { pointer: `${A}/paginationParams/limitValue`, value: 'abc' },
      { pointer: `${A}/paginationParams/maximumRequest`, value: -5 },
      { pointer: '/version', value: true },
    ],
  ],
];

/** validate, sample-path checks, flatten and simulate over one document, its own body as the sample. */
function docDiagnostics(
  doc: JsonValue,
  push: (ds: readonly Diagnostic[]) => void,
  samples: SampleResponse[] = [],
): void {
  push(validate(doc));
  const { model, diagnostics } = normalise(doc);
  push(diagnostics);
  push(samplePathChecks(doc, model, [doc]));
  push(samplePathChecks(doc, model, [doc, {}]));
  push(flatten(model, [doc]).diagnostics);
  push(flatten(model, [doc, { items: [1, 2] }, []]).diagnostics);
  if (samples.length > 0) {
    push(
      flatten(
        model,
        samples.map((x) => x.body),
      ).diagnostics,
    );
    push(
      samplePathChecks(
        doc,
        model,
        samples.map((x) => x.body),
      ),
    );
  }
  for (const requireInputs of [false, true])
    for (const backfill of [false, true]) {
      push(simulate(model, { now: NOW, requireInputs, backfill }, []).diagnostics);
      push(
        simulate(model, { now: NOW, requireInputs, backfill }, [{ body: doc }, { body: doc }, { body: {} }])
          .diagnostics,
      );
      if (samples.length > 0)
        push(simulate(model, { now: NOW, requireInputs, backfill }, samples).diagnostics);
    }
}

/**
 * Every diagnostic over the corpus: each JSON file (parse warnings, then `docDiagnostics`), the edit
 * tables of tests/fixtures/spec applied to the Mailchimp example, and the flatten case table.
 */
export function corpusDiagnostics(): CorpusDiagnostic[] {
  const out: CorpusDiagnostic[] = [];
  for (const file of corpusFiles()) {
    const push = (ds: readonly Diagnostic[]) => ds.forEach((d) => out.push({ ...d, file }));
    const parsed = parseJson(readFileSync(file, 'utf8'));
    push(
      parsed.warnings.map((w) => ({
        severity: 'warning' as const,
        pointer: w.pointer,
        message: w.message,
        code: w.code,
        ...(w.params ? { params: w.params } : {}),
      })),
    );
    if (parsed.ok) docDiagnostics(parsed.value, push);
  }
  const base = fixture('examples/mailchimp-members.connection-spec.json');
  for (const table of ['validate-cases.json', 'normalise-table.json']) {
    const push = (ds: readonly Diagnostic[]) => ds.forEach((d) => out.push({ ...d, file: table }));
    for (const c of fixture(table) as unknown as Array<{ edits?: Edit[] }>)
      if (Array.isArray(c.edits)) docDiagnostics(patched(base, c.edits), push);
  }
  const push = (ds: readonly Diagnostic[]) =>
    ds.forEach((d) => out.push({ ...d, file: 'flatten/cases.json' }));
  const synthetic = (name: string) => (ds: readonly Diagnostic[]) =>
    ds.forEach((d) => out.push({ ...d, file: `synthetic: ${name}` }));
  for (const [name, edits] of SYNTHETIC) docDiagnostics(patched(base, edits), synthetic(name), SAMPLES);
  let deep: JsonValue = {};
  for (let i = 0; i < 300; i++) deep = { a: deep };
  docDiagnostics(patched(base, [{ pointer: '/x', value: deep }]), synthetic('too deep'));
  type RawSpec = Partial<PathSpec> & { path: string };
  const spec = (raw: RawSpec | undefined): PathSpec | undefined =>
    raw && { skipAttributes: [], keepAttributes: [], ...raw };
  const cases = fixture('../flatten/cases.json') as unknown as Array<{
    config?: { contentPath?: RawSpec; explodeEntityPath?: RawSpec };
    responses?: JsonValue[];
  }>;
  for (const c of cases) {
    if (!c.config || !Array.isArray(c.responses)) continue;
    const contentPath = spec(c.config.contentPath);
    const explodeEntityPath = spec(c.config.explodeEntityPath);
    push(
      flatten(
        { ...(contentPath ? { contentPath } : {}), ...(explodeEntityPath ? { explodeEntityPath } : {}) },
        c.responses,
      ).diagnostics,
    );
  }
  return out;
}
