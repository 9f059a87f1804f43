import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { orchestratorRootRouteRef } from '../../routes';
import { NARROW_WINDOW, RunIdLink } from './RunIdLink';

const ID = 'c2e7ff13-d9b2-48e2-9093-4e8f37b2d6dd';
const mountedRoutes = { '/orchestrator': orchestratorRootRouteRef };

function windowMatching(query: string | undefined) {
  window.matchMedia = jest.fn().mockImplementation((q: string) => ({
    matches: q === query,
    media: q,
    onchange: null,
    addListener: jest.fn(),
    removeListener: jest.fn(),
    addEventListener: jest.fn(),
    removeEventListener: jest.fn(),
    dispatchEvent: jest.fn(),
  }));
}

describe('RunIdLink', () => {
  const original = window.matchMedia;
  afterEach(() => {
    window.matchMedia = original;
  });

  it('shows the whole id in a wide window', async () => {
    windowMatching(undefined);
    await renderInTestApp(<RunIdLink id={ID} />, { mountedRoutes });
    const link = screen.getByRole('link', { name: ID });
    expect(link).toHaveTextContent(ID);
    expect(link).toHaveAttribute('href', `/orchestrator/instances/${ID}`);
  });

  it('shows the first 8 characters in a narrow window, the whole id as its name and tooltip', async () => {
    windowMatching(NARROW_WINDOW);
    await renderInTestApp(<RunIdLink id={ID} />, { mountedRoutes });
    const link = screen.getByRole('link', { name: ID });
    expect(link).toHaveTextContent(/^c2e7ff13…$/);
    expect(link).toHaveAttribute('title', ID);
  });

  it('keeps a short id whole in a narrow window', async () => {
    windowMatching(NARROW_WINDOW);
    await renderInTestApp(<RunIdLink id="run-1" />, { mountedRoutes });
    expect(screen.getByRole('link', { name: 'run-1' })).toHaveTextContent(
      'run-1',
    );
  });
});
