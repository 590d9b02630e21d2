/** The compiled catalogues served by src/i18n/build/catalogPlugin.ts. */
declare module 'virtual:spec-studio-catalog/*' {
  import type { Messages } from '@lingui/core';
  const messages: Messages;
  export default messages;
}
