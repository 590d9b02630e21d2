/**
 * Stands in for `markdown-to-jsx/react` inside @rjsf/core (aliased in vite.config.ts). rjsf only uses
 * it for its own short messages (unsupported field, file info, and descriptions when a uiSchema sets
 * `enableMarkdownInDescription`, which Spec Studio never does), so a full Markdown parser (≈12 KB gzip
 * in the first load) buys nothing, and rendering a partner's schema text as Markdown is a way for spec
 * content to become markup. This renders `**bold**` and `` `code` `` as elements and everything else
 * as plain text: React elements only, never HTML.
 */
import { Fragment, type ReactNode } from 'react';

export interface MarkdownProps {
  children?: ReactNode;
  options?: unknown;
  [prop: string]: unknown;
}

export function renderPlainMarkdown(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /\*\*([^*]+)\*\*|`([^`]+)`/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(m[1] !== undefined ? <strong key={m.index}>{m[1]}</strong> : <code key={m.index}>{m[2]}</code>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Markdown({ children }: MarkdownProps) {
  return <Fragment>{typeof children === 'string' ? renderPlainMarkdown(children) : children}</Fragment>;
}

export default Markdown;
