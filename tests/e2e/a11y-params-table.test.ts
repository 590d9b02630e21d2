/**
 * Issue 13 item 7, the last part, in Chromium: the parameters table reads well in a screen reader.
 * Chromium's own accessibility tree (CDP Accessibility.getFullAXTree) shows the auth parameters of the
 * Zendesk example as a table named after its caption, with column headers, one row per parameter whose
 * row header is the parameter's name, and every control of a row inside a cell of that row. With 120
 * user inputs (virtualised) the table tells its full row count and each rendered row its index.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { openEditorPage, openExample, waitForMonaco } from './editor.helpers';
import type { Harness } from './harness';

let h: Harness;
let page: Page;
let cdp: CDPSession;
let dir: string;

interface AXNode {
  nodeId: string;
  parentId?: string;
  childIds?: string[];
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  backendDOMNodeId?: number;
}

const CONTROL_ROLES = new Set(['button', 'checkbox', 'combobox', 'textbox']);

/** The accessibility tree, with lookups by id and the nearest (non-ignored) ancestor of a role. */
async function axTree() {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const role = (n: AXNode | undefined) => (n && !n.ignored ? (n.role?.value ?? '') : '');
  const ancestor = (n: AXNode, roles: string[]): AXNode | undefined => {
    for (
      let p = n.parentId ? byId.get(n.parentId) : undefined;
      p;
      p = p.parentId ? byId.get(p.parentId) : undefined
    )
      if (roles.includes(role(p))) return p;
    return undefined;
  };
  /** The descendants of `n` with one of `roles`, in tree order. */
  const descendants = (n: AXNode, ...roles: string[]): AXNode[] => {
    const out: AXNode[] = [];
    const walk = (m: AXNode) => {
      for (const id of m.childIds ?? []) {
        const c = byId.get(id);
        if (!c) continue;
        if (roles.includes(role(c))) out.push(c);
        walk(c);
      }
    };
    walk(n);
    return out;
  };
  return { nodes, role, ancestor, descendants };
}

/** An attribute of the DOM element behind an accessibility node. */
async function attr(n: AXNode, name: string): Promise<string | null> {
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: n.backendDOMNodeId })) as {
    object: { objectId: string };
  };
  const { result } = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    returnByValue: true,
    arguments: [{ value: name }],
    functionDeclaration: 'function (a) { return this.getAttribute(a); }',
  })) as { result: { value: string | null } };
  return result.value;
}

const section = (name: string) =>
  page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();

/** A spec with `n` user inputs `input_<i>`. */
function manyInputs(n: number): string {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) properties[`input_${i}`] = { type: 'string', description: `Input ${i}` };
  const spec = {
    name: 'Many inputs',
    type: 'generic-rest',
    providerId: '0ed90a81-07f4-4586-8190-b40eccef1c5a',
    version: '1.0',
    authSpec: [],
    sourceSpec: {
      attributes: {
        urlParams: { host: 'https://api.example.com', path: '/items', method: 'GET' },
        contentPath: { path: '$.items' },
        paginationParams: { type: 'NONE' },
      },
      spec: { type: 'object', properties },
    },
  };
  return JSON.stringify(spec, null, 2);
}

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
  await page.setViewportSize({ width: 1280, height: 900 });
  cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  await cdp.send('DOM.enable');
  dir = await mkdtemp(join(tmpdir(), 'a11y-params-'));
}, 60_000);

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the parameters table in the accessibility tree (item 7)', () => {
  it('Zendesk credentials: a named table, column headers, the name as row header, controls in cells', async () => {
    await openExample(page, 'Zendesk');
    await waitForMonaco(page, 'Zendesk');
    await section('Authentication');
    await page.getByRole('checkbox', { name: 'host is required' }).waitFor();
    const { nodes, role, ancestor, descendants } = await axTree();

    const tables = nodes.filter((n) => role(n) === 'table' && n.name?.value === 'Credentials');
    expect(tables).toHaveLength(1);
    const table = tables[0]!;

    const headers = descendants(table, 'columnheader').map((n) => n.name?.value);
    expect(headers).toEqual([
      'Name',
      'Type',
      'Required',
      'Secret',
      'Hidden',
      'Title',
      'Description',
      'Format',
      'Default',
      'Allowed values',
      'Header name',
      'Remove',
      'Problems',
    ]);

    const rows = descendants(table, 'row').filter((r) => descendants(r, 'rowheader').length > 0);
    const rowNames = rows.map((r) => descendants(r, 'rowheader').map((c) => c.name?.value));
    expect(rowNames).toEqual([['host'], ['accessToken']]);

    for (const row of rows) {
      const param = descendants(row, 'rowheader')[0]!.name?.value ?? '';
      const controls = descendants(row, ...CONTROL_ROLES);
      // Name, type, required, secret, hidden, title, description, format, default, enum, header, remove.
      expect(controls.map((c) => `${role(c)} ${c.name?.value}`)).toEqual([
        'textbox Name of parameter ' + String(rows.indexOf(row) + 1),
        `combobox Type of ${param}`,
        `checkbox ${param} is required`,
        `checkbox ${param} is secret`,
        `checkbox ${param} is hidden`,
        `textbox Title of ${param}`,
        `textbox Description of ${param}`,
        `combobox Format of ${param}`,
        `textbox Default of ${param}`,
        `textbox Allowed values of ${param}`,
        `textbox Header name of ${param}`,
        `button Remove parameter ${param}`,
      ]);
      for (const c of controls) {
        const cell = ancestor(c, ['cell', 'gridcell', 'rowheader']);
        expect(cell, `${c.name?.value} is inside a cell`).toBeDefined();
        expect(ancestor(cell!, ['row'])).toBe(row);
      }
      // The parameter's name is in the row header (the name input sits there).
      expect(role(ancestor(controls[0]!, ['cell', 'gridcell', 'rowheader']))).toBe('rowheader');
    }
  });

  it('120 user inputs (virtualised): aria-rowcount 121, rendered rows carry aria-rowindex', async () => {
    const file = join(dir, 'many.json');
    await writeFile(file, manyInputs(120));
    await page.getByLabel('Open spec file').setInputFiles(file);
    await waitForMonaco(page, '"Many inputs"');
    await section('User inputs');
    await page.getByText(/^120 parameters: only the rows in view are shown/).waitFor();
    const { nodes, role, descendants } = await axTree();

    const table = nodes.find((n) => role(n) === 'table' && n.name?.value === 'User inputs');
    expect(table).toBeDefined();
    expect(await attr(table!, 'aria-rowcount')).toBe('121');
    expect(descendants(table!, 'columnheader').map((n) => n.name?.value)).not.toContain('Header name');

    const rows = descendants(table!, 'row').filter((r) => descendants(r, 'rowheader').length > 0);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(60);
    for (const row of rows) {
      const name = descendants(row, 'rowheader')[0]!.name?.value ?? '';
      const i = Number(/^input_(\d+)$/.exec(name)?.[1] ?? NaN);
      expect(await attr(row, 'aria-rowindex'), name).toBe(String(i + 2));
    }

    // Scrolled to the end, the last rows are in the tree with their own indices.
    await page.locator('.sf-param-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.getByRole('textbox', { name: 'Description of input_119' }).waitFor();
    const after = await axTree();
    const t2 = after.nodes.find((n) => after.role(n) === 'table' && n.name?.value === 'User inputs')!;
    const last = after
      .descendants(t2, 'row')
      .find((r) => after.descendants(r, 'rowheader')[0]?.name?.value === 'input_119');
    expect(last).toBeDefined();
    expect(await attr(last!, 'aria-rowindex')).toBe('121');
  });
});
