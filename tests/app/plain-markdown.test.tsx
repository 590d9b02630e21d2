// @vitest-environment happy-dom
/**
 * rjsf's Markdown renderer is aliased to a plain-text stand-in (vite.config.ts): `**bold**` and
 * `` `code` `` become elements, everything else stays text, and markup in the text is never parsed.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown as AliasedMarkdown } from 'markdown-to-jsx/react';
import { Markdown } from '../../src/vendor/plainMarkdown';

afterEach(cleanup);

describe('plain Markdown stand-in', () => {
  it('is what rjsf gets for markdown-to-jsx/react', () => {
    expect(AliasedMarkdown).toBe(Markdown);
  });

  it('bold and code as elements, the rest as text; HTML stays text', () => {
    const { container } = render(
      <Markdown options={{ disableParsingRawHTML: true }}>
        {'Unsupported field schema for field `root_x`: **unknown type** <img src=x onerror=alert(1)>'}
      </Markdown>,
    );
    expect(container.querySelector('code')?.textContent).toBe('root_x');
    expect(container.querySelector('strong')?.textContent).toBe('unknown type');
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe(
      'Unsupported field schema for field root_x: unknown type <img src=x onerror=alert(1)>',
    );
  });

  it('non-string children pass through', () => {
    const { container } = render(
      <Markdown>
        <em>kept</em>
      </Markdown>,
    );
    expect(container.innerHTML).toBe('<em>kept</em>');
  });
});
