import { monaco } from '../lib/monaco';

// Editor themes matching the app's palette (app.css variables), light and dark.
monaco.editor.defineTheme('spec-light', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'string.key.json', foreground: '0b5cad' },
    { token: 'string.value.json', foreground: '0a7d45' },
    { token: 'number', foreground: 'b35900' },
    { token: 'keyword', foreground: '7a3eb1' },
  ],
  colors: {
    'editor.background': '#ffffff',
    'editorLineNumber.foreground': '#a0a6b1',
    'editorLineNumber.activeForeground': '#4a5160',
    'editor.lineHighlightBackground': '#f5f7fa',
    'editorGutter.background': '#ffffff',
  },
});

monaco.editor.defineTheme('spec-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'string.key.json', foreground: '7cb7ff' },
    { token: 'string.value.json', foreground: '7fd1a0' },
    { token: 'number', foreground: 'f0b072' },
    { token: 'keyword', foreground: 'c79bf2' },
  ],
  colors: {
    'editor.background': '#15171c',
    'editorLineNumber.foreground': '#4d5563',
    'editorLineNumber.activeForeground': '#a9b1bf',
    'editor.lineHighlightBackground': '#1c1f26',
    'editorGutter.background': '#15171c',
  },
});
