// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getAt, type JsonObject, type JsonValue } from '@core';
import { AUTH_TEMPLATES } from '../../src/features/spec-form/model/authTemplates';
import { FIXTURES, pointers, setup, st } from './spec-form.helpers';

afterEach(cleanup);

const I = '/sourceSpec/spec/properties';
const A = '/authSpec/0';
const typeSelect = (card: HTMLElement) => card.querySelector(`[id="field:${A}/type"]`) as HTMLSelectElement;
const change = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** The mailchimp fixture with `n` user inputs `input_<i>` (description "Input <i>"). */
function withInputs(n: number): JsonValue {
  const doc = structuredClone(FIXTURES['mailchimp']) as JsonObject;
  const properties: JsonObject = {};
  for (let i = 0; i < n; i++) properties[`input_${i}`] = { type: 'string', description: `Input ${i}` };
  ((doc['sourceSpec'] as JsonObject)['spec'] as JsonObject)['properties'] = properties;
  return doc;
}

/** The input with this exact aria-label (role and label queries are slow over many rows). */
const byLabel = (container: HTMLElement, label: string) =>
  [...container.querySelectorAll('input')].find(
    (e) => e.getAttribute('aria-label') === label,
  ) as HTMLInputElement;

// happy-dom lays nothing out: give the parameter list's scroller and rows a size, so the
// virtualizer renders the rows in view.
const saved = ['clientHeight', 'offsetHeight', 'scrollHeight', 'scrollTop', 'scrollTo'].map(
  (k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)] as const,
);
beforeAll(() => {
  const size = (cls: string, px: number) =>
    function (this: HTMLElement) {
      return this.classList.contains(cls) ? px : 0;
    };
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: size('sf-param-scroll', 600),
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get: size('sf-param-scroll', 2000 * 112),
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get: size('sf-param-slot', 112),
  });
  // Scrolling as a browser does it: the offset sticks, and a scroll event follows.
  const offsets = new WeakMap<HTMLElement, number>();
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return offsets.get(this) ?? 0;
    },
    set(this: HTMLElement, v: number) {
      offsets.set(this, v);
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollTo', {
    configurable: true,
    value(this: HTMLElement, opts: { top?: number }) {
      offsets.set(this, opts.top ?? 0);
      this.dispatchEvent(new Event('scroll'));
    },
  });
});
afterAll(() => {
  for (const [k, d] of saved) if (d) Object.defineProperty(HTMLElement.prototype, k, d);
});

describe('user inputs table with 2,000 inputs (issue 8, C9)', () => {
  it('shows the rows in view; scrolled to row 1,500, an edit rewrites only that description', async () => {
    const { updateAt, container } = setup(withInputs(2000), 'userInputs');
    expect(screen.getByRole('note').textContent).toMatch(/^2,000 parameters: only the rows in view/);
    const rows = () => container.querySelectorAll('[role=row][aria-label^="Parameter input_"]');
    expect(rows().length).toBeGreaterThan(3);
    expect(rows().length).toBeLessThan(30);
    const scroller = container.querySelector('.sf-param-scroll') as HTMLElement;
    act(() => {
      scroller.scrollTop = 1500 * 112;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(byLabel(container, 'Description of input_1500')).toBeTruthy());
    const before = st().text;
    fireEvent.change(byLabel(container, 'Description of input_1500'), { target: { value: 'Input 1500!' } });
    expect(pointers(updateAt)).toEqual([`${I}/input_1500/description`]);
    expect(st().text).toBe(before.replace('"Input 1500"', '"Input 1500!"'));
    expect(getAt(st().doc, `${I}/input_1499/description`)).toBe('Input 1499');
    expect(byLabel(container, 'Description of input_1500').value).toBe('Input 1500!');
  });

  it('a JSON edit of one row shows in that row (re-parsed document, memoised rows)', () => {
    const { container } = setup(withInputs(2000), 'userInputs');
    act(() => {
      st().setText(st().text.replace('"Input 2"', '"Two"'));
    });
    expect(byLabel(container, 'Description of input_2').value).toBe('Two');
    expect(byLabel(container, 'Description of input_3').value).toBe('Input 3');
  });

  it('a diagnostic revealed under an input off screen scrolls the list to it', async () => {
    const { container } = setup(withInputs(2000), 'userInputs');
    act(() => {
      st().revealPointer(`${I}/input_1234/description`, 'diagnostics');
    });
    await waitFor(() => expect(byLabel(container, 'Description of input_1234')).toBeTruthy());
  });
});

describe('user inputs: hidden, format, default and enum (issue 8, D14)', () => {
  it('hidden writes uiAttributes.hidden, creating and removing only what it added', () => {
    const { updateAt } = setup('mailchimp', 'userInputs');
    fireEvent.click(screen.getByLabelText('listId is hidden'));
    expect(getAt(st().doc, `${I}/listId/uiAttributes`)).toEqual({ hidden: true });
    fireEvent.click(screen.getByLabelText('listId is hidden'));
    expect(getAt(st().doc, `${I}/listId`)).toEqual({
      type: 'string',
      description: 'listId for which members need to fetch.',
    });
    expect(pointers(updateAt)).toEqual([`${I}/listId/uiAttributes`, `${I}/listId/uiAttributes`]);
  });

  it('hidden keeps other uiAttributes keys', () => {
    const doc = structuredClone(FIXTURES['mailchimp']) as JsonObject;
    const spec = (doc['sourceSpec'] as JsonObject)['spec'] as JsonObject;
    (spec['properties'] as JsonObject)['listId'] = { type: 'string', uiAttributes: { order: 2 } };
    setup(doc, 'userInputs');
    fireEvent.click(screen.getByLabelText('listId is hidden'));
    expect(getAt(st().doc, `${I}/listId/uiAttributes`)).toEqual({ order: 2, hidden: true });
    fireEvent.click(screen.getByLabelText('listId is hidden'));
    expect(getAt(st().doc, `${I}/listId/uiAttributes`)).toEqual({ order: 2 });
  });

  it('format, title, default and enum write their own keys, typed as the parameter type says', () => {
    const { updateAt } = setup('mailchimp', 'userInputs');
    change('Format of listId', 'date');
    change('Title of listId', 'List');
    change('Type of listId', 'integer');
    change('Default of listId', '42');
    change('Allowed values of listId', '1, 2,');
    expect(pointers(updateAt)).toEqual(
      ['format', 'title', 'type', 'default', 'enum'].map((k) => `${I}/listId/${k}`),
    );
    expect(getAt(st().doc, `${I}/listId`)).toEqual({
      type: 'integer',
      description: 'listId for which members need to fetch.',
      format: 'date',
      title: 'List',
      default: 42,
      enum: [1, 2],
    });
    // While focused, the text typed stays as typed ("1, 2," is not rewritten to "1, 2").
    expect((screen.getByLabelText('Allowed values of listId') as HTMLInputElement).value).toBe('1, 2,');
    change('Allowed values of listId', '');
    expect(getAt(st().doc, `${I}/listId/enum`)).toBeUndefined();
  });

  it('an enum the table cannot show without loss is left to the JSON view', () => {
    const doc = structuredClone(FIXTURES['mailchimp']) as JsonObject;
    const spec = (doc['sourceSpec'] as JsonObject)['spec'] as JsonObject;
    (spec['properties'] as JsonObject)['listId'] = { type: 'string', enum: ['a,b', 'c'] };
    setup(doc, 'userInputs');
    expect(screen.queryByLabelText('Allowed values of listId')).toBeNull();
    expect(screen.getByText('enum: edit in JSON')).toBeTruthy();
  });
});

describe('authSpec: type as a choice, header names, OAuth 2 template (issue 8, D14)', () => {
  it('choosing a known type rewrites only `type`', () => {
    const { updateAt } = setup('mailchimp', 'authSpec');
    const card = screen.getAllByRole('region')[0] as HTMLElement;
    const before = st().text;
    fireEvent.change(typeSelect(card), { target: { value: 'KeyBased' } });
    expect(pointers(updateAt)).toEqual([`${A}/type`]);
    expect(st().text).toBe(before.replace('"OAuth2RefreshCode"', '"KeyBased"'));
  });

  it('"Other…" keeps a free string; an unknown type shows as Other with its text', () => {
    setup('mailchimp', 'authSpec');
    const card = screen.getAllByRole('region')[0] as HTMLElement;
    fireEvent.change(typeSelect(card), { target: { value: '__other__' } });
    expect(getAt(st().doc, `${A}/type`)).toBe('OAuth2RefreshCode');
    fireEvent.change(within(card).getByLabelText('Type (other)'), {
      target: { value: 'oAuth2-refresh-code' },
    });
    expect(getAt(st().doc, `${A}/type`)).toBe('oAuth2-refresh-code');
    cleanup();
    const doc = structuredClone(st().doc);
    setup(doc, 'authSpec');
    const again = screen.getAllByRole('region')[0] as HTMLElement;
    expect((typeSelect(again) as HTMLSelectElement).value).toBe('__other__');
    expect((within(again).getByLabelText('Type (other)') as HTMLInputElement).value).toBe(
      'oAuth2-refresh-code',
    );
  });

  it('credentials offer restAttributes.headerParamName', () => {
    const { updateAt } = setup('mailchimp', 'authSpec');
    const card = screen.getAllByRole('region')[0] as HTMLElement;
    fireEvent.change(within(card).getByLabelText('Header name of accessToken'), {
      target: { value: 'X-Token' },
    });
    expect(getAt(st().doc, `${A}/spec/properties/accessToken/restAttributes`)).toEqual({
      headerParamName: 'X-Token',
    });
    fireEvent.change(within(card).getByLabelText('Header name of accessToken'), {
      target: { value: 'X-Tok' },
    });
    expect(pointers(updateAt)).toEqual([
      `${A}/spec/properties/accessToken/restAttributes`,
      `${A}/spec/properties/accessToken/restAttributes/headerParamName`,
    ]);
    expect(screen.queryByLabelText('Header name of listId')).toBeNull();
  });

  it('the OAuth 2 template carries the documented optional properties', () => {
    const oauth = AUTH_TEMPLATES.find((t) => t.id === 'oauth2');
    const props = getAt(oauth?.entry ?? {}, '/spec/properties') as JsonObject;
    expect(props['expirationDate']).toEqual({
      description: 'Date of token expiry.',
      type: 'string',
      format: 'date',
      uiAttributes: { hidden: true },
    });
    expect(Object.keys(getAt(props, '/requestParameterOverride/properties') as JsonObject)).toEqual([
      'accessTokenField',
      'refreshTokenField',
      'expireInField',
      'authenticationMethod',
      'clientId',
      'clientSecret',
    ]);
  });
});
