/** Types for the two untyped Monaco modules that src/lib/jsonWorker.ts builds on (monaco-editor 0.57). */
declare module 'monaco-editor/internal/common/initialize.js' {
  export function initialize(callback: (ctx: unknown, createData: unknown) => unknown): void;
}
declare module 'monaco-editor/languages/features/json/jsonWorker.js' {
  export class JSONWorker {
    constructor(ctx: unknown, createData: unknown);
    _getTextDocument(uri: string): { getText(): string } | null;
  }
}
