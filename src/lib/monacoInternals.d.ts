/** Types for the two untyped Monaco modules that src/lib/jsonWorker.ts builds on (monaco-editor 0.57). */
declare module 'monaco-editor/internal/common/initialize.js' {
  export function initialize(callback: (ctx: unknown, createData: unknown) => unknown): void;
}
declare module 'monaco-editor/languages/features/json/jsonWorker.js' {
  interface JsonSymbol {
    name: string;
    children?: JsonSymbol[];
  }
  export class JSONWorker {
    constructor(ctx: unknown, createData: unknown);
    _getTextDocument(uri: string): { getText(): string } | null;
    // What src/lib/jsonWorker.ts words in the app's language (the shapes it reads, nothing more).
    doValidation(uri: string): Promise<{ message: string }[]>;
    doComplete(
      uri: string,
      position: unknown,
    ): Promise<{ items: { detail?: string; labelDetails?: { description?: string } }[] } | null>;
    findDocumentSymbols(uri: string): Promise<JsonSymbol[]>;
  }
}
