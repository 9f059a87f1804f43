import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { orchestratorRootRouteRef } from '../../routes';
import { WorkflowNameCell } from './WorkflowNameCell';

const mountedRoutes = { '/orchestrator': orchestratorRootRouteRef };

describe('WorkflowNameCell', () => {
  it('links the name and keeps a long description to two lines with the whole text as its title', async () => {
    const description = `Provisions a namespace, ${'then checks quotas and '.repeat(
      20,
    )}reports back.`;
    await renderInTestApp(
      <WorkflowNameCell
        workflowId="provision"
        name="Provision namespace"
        description={description}
      />,
      { mountedRoutes },
    );
    expect(
      screen.getByRole('link', { name: 'Provision namespace' }),
    ).toHaveAttribute('href', '/orchestrator/workflows/provision');
    const text = screen.getByTitle(description);
    // the whole text stays in the page for search and screen readers; CSS clamps what shows
    expect(text).toHaveTextContent(description);
    expect(text).toHaveStyle({ WebkitLineClamp: '2', overflow: 'hidden' });
  });

  it('falls back to the workflow id and shows no empty description', async () => {
    await renderInTestApp(<WorkflowNameCell workflowId="greeting" />, {
      mountedRoutes,
    });
    expect(screen.getByRole('link', { name: 'greeting' })).toBeInTheDocument();
    expect(screen.queryByTitle(/./)).toBeNull();
  });
});
