// @vitest-environment happy-dom
/**
 * The submission kit dialog (issue 11 §1) on the store: prefilled from the spec, a refused icon says
 * why and is never shown, an accepted one is an <img> of a data: URL, and the Download button stays
 * disabled with the reason while a check fails. An icon over the limit is refused from its size alone.
 */
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseIcon } from '../../src/features/submission/IconPicker';
import { svgDataUrl } from '../../src/features/submission/kitFiles';
import { SubmissionKitDialog } from '../../src/features/submission/SubmissionKitDialog';
import { resetStore, useSpecStore } from '../../src/store';

const MAILCHIMP = readFileSync('public/examples/mailchimp-members.json', 'utf8');
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="3"/></svg>';

beforeEach(() => {
  resetStore();
  useSpecStore.getState().setText(MAILCHIMP);
  useSpecStore.getState().setDiagnostics([], useSpecStore.getState().revision);
});
afterEach(cleanup);

const pick = async (name: string, text: string) => {
  const input = screen.getByLabelText('Icon');
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([text], name, { type: 'image/svg+xml' })] } });
  });
};

describe('SubmissionKitDialog', () => {
  it('prefills from the spec and blocks the download with the reason', () => {
    render(<SubmissionKitDialog onClose={() => {}} />);
    expect(screen.getByLabelText<HTMLInputElement>('Source name').value).toBe('mailchimp-members');
    expect(screen.getByLabelText<HTMLInputElement>('Label').value).toBe('MailChimp Members');
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Download kit' });
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      '✗ Choose a category',
    );
  });

  it('refuses a script icon with its reason and shows no image', async () => {
    render(<SubmissionKitDialog onClose={() => {}} />);
    await pick('evil.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(
        /evil\.svg refused: The icon has a <script> element/,
      ),
    );
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });

  it('shows an accepted icon as an image and enables the download once every check passes', async () => {
    render(<SubmissionKitDialog onClose={() => {}} />);
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'marketingAutomation' } });
    await pick('ok.svg', ICON);
    await waitFor(() => expect(document.querySelector('img')).not.toBeNull());
    expect(document.querySelector('img')?.getAttribute('src')).toBe(svgDataUrl(ICON));
    expect(document.querySelector('circle')).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Download kit' }).disabled).toBe(false);
    fireEvent.change(screen.getByLabelText('Source name'), { target: { value: 'Bad Name' } });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Download kit' }).disabled).toBe(true);
  });

  it('blocks the kit while the spec has errors', () => {
    useSpecStore
      .getState()
      .setDiagnostics(
        [{ severity: 'error', pointer: '/providerId', message: 'providerId is required' }],
        useSpecStore.getState().revision,
      );
    render(<SubmissionKitDialog onClose={() => {}} />);
    expect(
      screen.getByText('The spec has 1 error (first: /providerId: providerId is required)'),
    ).toBeTruthy();
  });
});

describe('chooseIcon', () => {
  it('refuses a 5 MB file from its size without reading it', async () => {
    const file = new File([new Uint8Array(5 * 1024 * 1024)], 'big.svg', { type: 'image/svg+xml' });
    const read = vi.spyOn(file, 'arrayBuffer');
    const icon = await chooseIcon(file);
    expect(icon.screened).toEqual({
      ok: false,
      reason: 'The icon is 5,120 KB; the limit is 100 KB',
      code: 'too-large',
      params: { kb: 5120, limit: 100 },
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('encodes non-ASCII SVG text as a UTF-8 data: URL', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>é 源</title></svg>';
    const url = svgDataUrl(svg);
    expect(Buffer.from(url.replace('data:image/svg+xml;base64,', ''), 'base64').toString('utf8')).toBe(svg);
  });
});
