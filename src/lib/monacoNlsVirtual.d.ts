/**
 * Monaco's messages for one app language (src/i18n/build/monacoNlsPlugin.ts): the array Monaco reads
 * from `globalThis._VSCODE_NLS_MESSAGES` (holes: English) and the language code Monaco reads from
 * `globalThis._VSCODE_NLS_LANGUAGE`.
 */
declare module 'virtual:spec-studio-monaco-nls/*' {
  const data: { messages: (string | undefined)[]; language: string };
  export default data;
}

// eslint-disable-next-line no-var
declare var _VSCODE_NLS_MESSAGES: (string | undefined)[] | undefined;
// eslint-disable-next-line no-var
declare var _VSCODE_NLS_LANGUAGE: string | undefined;
