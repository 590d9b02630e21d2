import { TransNoContext } from '@lingui/react/server';
import { Fragment, type ReactElement, type ReactNode } from 'react';
import { i18n, useLocale, type MessageId } from './index';

export interface TProps {
  id: MessageId;
  /** Strings and numbers, or elements. Strings are inserted as text, never parsed for `<0>` tags. */
  values?: Record<string, string | number | ReactNode>;
  /** The elements of the message's `<0>…</0>` tags: `{ 0: <code /> }`. */
  components?: Record<string, ReactElement>;
}

/**
 * A message with markup: `"Press <0>Ctrl+S</0> to save"` with `components={{ 0: <kbd /> }}`. React
 * elements only (no HTML string is ever rendered); re-renders when the language changes.
 */
export function T({ id, values, components }: TProps) {
  useLocale();
  const safe =
    values &&
    Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? <Fragment>{v}</Fragment> : v]),
    );
  return <TransNoContext id={id} values={safe} components={components} lingui={{ i18n }} />;
}
