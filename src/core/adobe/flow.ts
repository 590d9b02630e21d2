/**
 * The verification flow exports (issue 11 §2): one chain model (chain.ts) written as a Postman v2.1
 * collection + environment (postman.ts) and as a bash + curl script (flowScript.ts).
 */
export {
  buildFlowChain,
  flowEnvName,
  FLOW_MAX_POLLS,
  FLOW_POLL_SECONDS,
  flowScheduleFromInputs,
  RUN_DONE,
  SERVER_FIELDS,
  type FlowChain,
  type FlowChainResult,
  type FlowFrequency,
  type FlowOptions,
  type FlowStep,
  type FlowStepId,
  type FlowTemplate,
  type FlowValueType,
  type FlowVariable,
  type FlowVariableKind,
} from './chain';
export { POSTMAN_SCHEMA, postmanFiles, type PostmanResult } from './postman';
export { flowScript, type FlowScriptResult } from './flowScript';
