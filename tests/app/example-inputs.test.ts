import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise, simulate, type JsonValue } from '@core';
import { readDemoInputs } from '../../src/features/preview/ExampleSampleButton';

const DIR = new URL('../../public/examples/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DIR), 'utf8');
const ids = readdirSync(DIR)
  .filter((f) => f.endsWith('.inputs.json'))
  .map((f) => f.replace('.inputs.json', ''));

describe('demo run inputs of the built-in examples', () => {
  it.each([
    ['a values object', '{"values":{"a":"1","b":"x"}}', { a: '1', b: 'x' }],
    ['non-string values dropped', '{"values":{"a":1,"b":"x"}}', { b: 'x' }],
    ['no values', '{}', {}],
    ['values not an object', '{"values":[1]}', {}],
    ['not JSON', '<html>', {}],
  ])('readDemoInputs: %s', (_name, text, expected) => {
    expect(readDemoInputs(text)).toEqual(expected);
  });

  it('every built-in example has demo inputs', () => {
    expect(ids.sort()).toEqual(['acme-orders', 'mailchimp-members', 'pulse-events', 'zendesk-users']);
  });

  it.each(ids)('%s: its sample and demo inputs make a run that starts and stops for a named reason', (id) => {
    const { model } = normalise(JSON.parse(read(`${id}.json`)) as JsonValue);
    const body = JSON.parse(read(`${id}.sample.json`)) as JsonValue;
    const params = readDemoInputs(read(`${id}.inputs.json`));
    const window = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 0, 2) };
    const run = simulate(model, { params, window }, [{ body }]);
    expect(run.stop.reason).not.toBe('blocked');
    expect(run.steps.length).toBe(1);
  });
});
