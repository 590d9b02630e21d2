/** The calls of the verification flow, in the order (FORMAT.md §6.3, §7), as templates. */
import type { FlowStep, FlowTemplate, FlowVariable } from './flowTypes';
import type { JsonValue } from '../types';

/**
 * The ten steps for a spec titled `title` whose body is `specText` (already redacted), with the
 * chosen auth spec's and the source spec's variables.
 */
export function flowSteps(
  title: string,
  specText: string,
  authVars: FlowVariable[],
  sourceVars: FlowVariable[],
): FlowStep[] {
  const ref = (name: string): FlowTemplate => ({ t: 'var', name });
  const lit = (x: JsonValue): FlowTemplate => ({ t: 'lit', v: x });
  const obj = (members: Record<string, FlowTemplate>): FlowTemplate => ({
    t: 'obj',
    members: Object.entries(members).map(([key, value]) => ({ key, value })),
  });
  const params = (vars: FlowVariable[]): FlowTemplate => ({
    t: 'obj',
    members: vars.map((x) => ({ key: x.name, value: ref(x.name), ...(x.required ? {} : { when: x.name }) })),
  });
  const specRef = obj({ id: ref('connectionSpecId'), version: lit('1.0') });
  const id = (variable: string): FlowStep['captures'] => [{ variable, path: ['id'] }];

  return [
    {
      id: 'createConnectionSpec',
      title: 'Create the connection spec',
      method: 'POST',
      service: 'flowservice',
      path: '/connectionSpecs',
      query: [],
      body: { t: 'text', text: specText },
      captures: id('connectionSpecId'),
    },
    {
      id: 'getFlowSpec',
      title: 'Read the RestStorageToAEP flow spec',
      method: 'GET',
      service: 'flowservice',
      path: '/flowSpecs/{{flowSpecificationId}}',
      query: [],
      captures: [{ variable: 'flowSpec', path: ['items', '0'], json: true }],
    },
    {
      id: 'updateFlowSpec',
      title: 'Add the connection spec to the flow spec',
      method: 'PUT',
      service: 'flowservice',
      path: '/flowSpecs/{{flowSpecificationId}}',
      query: [],
      body: { t: 'flowSpecWith', spec: 'flowSpec', id: 'connectionSpecId' },
      captures: [],
    },
    {
      id: 'createBaseConnection',
      title: 'Create the base connection',
      method: 'POST',
      service: 'flowservice',
      path: '/connections',
      query: [],
      body: obj({
        name: lit(`${title} base connection`),
        description: lit(`${title} base connection, created by the Spec Studio verification flow`),
        connectionSpec: specRef,
        auth: obj({ specName: ref('authSpecName'), params: params(authVars) }),
      }),
      captures: id('baseConnectionId'),
    },
    {
      id: 'explore',
      title: 'Explore the source (preview)',
      method: 'GET',
      service: 'flowservice',
      path: '/connections/{{baseConnectionId}}/explore',
      query: [
        { key: 'objectType', value: lit('rest') },
        { key: 'object', value: lit('json') },
        { key: 'fileType', value: lit('json') },
        { key: 'preview', value: lit('true') },
        { key: 'sourceParams', value: { t: 'base64json', value: params(sourceVars) } },
      ],
      captures: [],
    },
    {
      id: 'createSourceConnection',
      title: 'Create the source connection',
      method: 'POST',
      service: 'flowservice',
      path: '/sourceConnections',
      query: [],
      body: obj({
        name: lit(`${title} source connection`),
        description: lit(`${title} source connection, created by the Spec Studio verification flow`),
        baseConnectionId: ref('baseConnectionId'),
        connectionSpec: specRef,
        data: obj({ format: lit('json') }),
        params: params(sourceVars),
      }),
      captures: id('sourceConnectionId'),
    },
    {
      id: 'createTargetConnection',
      title: 'Create the data lake target connection',
      method: 'POST',
      service: 'flowservice',
      path: '/targetConnections',
      query: [],
      body: {
        t: 'obj',
        members: [
          { key: 'name', value: lit(`${title} target connection`) },
          { key: 'description', value: lit(`${title} data lake target connection`) },
          { key: 'connectionSpec', value: obj({ id: ref('targetConnectionSpecId'), version: lit('1.0') }) },
          {
            key: 'data',
            value: {
              t: 'obj',
              members: [
                { key: 'format', value: lit('parquet_xdm') },
                {
                  key: 'schema',
                  when: 'schemaId',
                  value: obj({
                    id: ref('schemaId'),
                    version: lit('application/vnd.adobe.xed-full+json;version=1'),
                  }),
                },
              ],
            },
          },
          { key: 'params', value: obj({ dataSetId: ref('dataSetId') }) },
        ],
      },
      captures: id('targetConnectionId'),
    },
    {
      id: 'createMappingSet',
      title: 'Create the mapping set',
      method: 'POST',
      service: 'conversion',
      path: '/mappingSets',
      query: [],
      when: 'mappings',
      body: obj({
        version: lit(0),
        xdmSchema: ref('schemaId'),
        xdmVersion: ref('schemaVersion'),
        id: lit(null),
        mappings: ref('mappings'),
      }),
      captures: id('mappingId'),
    },
    {
      id: 'createFlow',
      title: 'Create the dataflow',
      method: 'POST',
      service: 'flowservice',
      path: '/flows',
      query: [],
      body: {
        t: 'obj',
        members: [
          { key: 'name', value: lit(`${title} dataflow`) },
          {
            key: 'description',
            value: lit(`${title} dataflow, created by the Spec Studio verification flow`),
          },
          { key: 'flowSpec', value: obj({ id: ref('flowSpecificationId'), version: lit('1.0') }) },
          { key: 'sourceConnectionIds', value: { t: 'arr', items: [ref('sourceConnectionId')] } },
          { key: 'targetConnectionIds', value: { t: 'arr', items: [ref('targetConnectionId')] } },
          {
            key: 'transformations',
            when: 'mappingId',
            value: {
              t: 'arr',
              items: [
                obj({
                  name: lit('Mapping'),
                  params: obj({ mappingId: ref('mappingId'), mappingVersion: lit('0') }),
                }),
              ],
            },
          },
          { key: 'scheduleParams', value: { t: 'schedule' } },
        ],
      },
      captures: id('flowId'),
    },
    {
      id: 'pollRuns',
      title: 'Poll the dataflow runs',
      method: 'GET',
      service: 'flowservice',
      path: '/runs',
      query: [{ key: 'property', value: { t: 'concat', parts: [lit('flowId=='), ref('flowId')] } }],
      captures: [{ variable: 'runStatus', path: ['items', '0', 'metrics', 'statusSummary', 'status'] }],
    },
  ];
}
