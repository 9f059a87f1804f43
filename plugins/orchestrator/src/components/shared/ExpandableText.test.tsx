import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { ExpandableText } from './ExpandableText';

describe('ExpandableText', () => {
  const writeText = jest.fn().mockResolvedValue(undefined);
  beforeEach(() => {
    writeText.mockClear();
    Object.assign(navigator, { clipboard: { writeText } });
  });

  it('starts a long error collapsed, opens it on demand and copies all of it', async () => {
    const trace = Array.from({ length: 8 }, (_, i) => `at step ${i}`).join(
      '\n',
    );
    await renderInTestApp(<ExpandableText text={trace} />);
    const text = screen.getByTestId('expandable-text');
    expect(text).toHaveAttribute('data-collapsed', 'true');
    // the whole text is in the page (clamped by CSS), never cut with an ellipsis
    expect(text.textContent).toBe(trace);

    const more = screen.getByRole('button', { name: 'Show more' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(more);
    expect(text).toHaveAttribute('data-collapsed', 'false');
    expect(screen.getByRole('button', { name: 'Show less' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(trace);
    expect(
      await screen.findByRole('button', { name: 'Copied' }),
    ).toBeInTheDocument();
  });

  it('shows a short message whole, with no toggle', async () => {
    await renderInTestApp(<ExpandableText text="Language not supported" />);
    expect(screen.getByTestId('expandable-text')).toHaveAttribute(
      'data-collapsed',
      'false',
    );
    expect(
      screen.queryByRole('button', { name: 'Show more' }),
    ).not.toBeInTheDocument();
  });
});
