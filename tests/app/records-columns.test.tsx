// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TableColumn } from '@core';
import { ColumnPicker, PICKER_MAX_LISTED } from '../../src/features/preview/records/ColumnPicker';
import { clampWidth, MAX_COL_WIDTH, MIN_COL_WIDTH } from '../../src/features/preview/records/columnPrefs';

afterEach(cleanup);

const columns: TableColumn[] = Array.from({ length: 400 }, (_, i) => ({
  id: `/r/f${i}`,
  label: i % 2 ? `r.odd_${i}` : `r.even_${i}`,
  types: ['string'],
}));

function Picker() {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  return (
    <ColumnPicker
      columns={columns}
      hidden={hidden}
      onChange={(ids, hide) =>
        setHidden((prev) => {
          const next = new Set(prev);
          for (const id of ids) {
            if (hide) next.add(id);
            else next.delete(id);
          }
          return next;
        })
      }
    />
  );
}

describe('column picker', () => {
  it('lists the columns (saying how many are left out), search narrows, None / All act on the matches', () => {
    render(<Picker />);
    fireEvent.click(screen.getByRole('button', { name: /^Columns/ }));
    expect(screen.getAllByRole('checkbox')).toHaveLength(PICKER_MAX_LISTED);
    expect(screen.getByRole('note').textContent).toMatch(/^100 more not listed: search to narrow/);
    fireEvent.change(screen.getByLabelText('Search columns'), { target: { value: 'odd_1' } });
    // odd_1, odd_11, odd_13, …, odd_19, odd_101, …, odd_199: 1 + 5 + 50.
    expect(screen.getAllByRole('checkbox')).toHaveLength(56);
    fireEvent.click(screen.getByRole('button', { name: 'None' }));
    expect(screen.getByRole('button', { name: /^Columns/ }).textContent).toBe('Columns344 of 400');
    fireEvent.click(screen.getByRole('checkbox', { name: /r\.odd_11\b/ }));
    expect(screen.getByRole('button', { name: /^Columns/ }).textContent).toBe('Columns345 of 400');
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    expect(screen.getByRole('button', { name: /^Columns/ }).textContent).toBe('Columns400');
    fireEvent.keyDown(screen.getByLabelText('Search columns'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps resized widths within bounds', () => {
    expect(clampWidth(5)).toBe(MIN_COL_WIDTH);
    expect(clampWidth(99_999)).toBe(MAX_COL_WIDTH);
    expect(clampWidth(240.4)).toBe(240);
  });
});
