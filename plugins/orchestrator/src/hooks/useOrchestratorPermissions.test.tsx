import { renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider, mockApis } from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PropsWithChildren } from 'react';
import { useCanUseWorkflow } from './useOrchestratorPermissions';

function withPolicy(allowed: string[]) {
  const permission = mockApis.permission({
    authorize: req =>
      allowed.includes(req.permission.name)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
  });
  return ({ children }: PropsWithChildren<{}>) => (
    <TestApiProvider apis={[[permissionApiRef, permission]]}>
      {children}
    </TestApiProvider>
  );
}

// usePermission caches answers by permission and resource across renders, so each test asks
// about a workflow of its own.
describe('useCanUseWorkflow', () => {
  it('is allowed by the generic permission', async () => {
    const { result } = renderHook(() => useCanUseWorkflow('wf-generic'), {
      wrapper: withPolicy(['orchestrator.workflow.use']),
    });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.allowed).toBe(true);
  });

  it("is allowed by RHDH's per-workflow name for that workflow only", async () => {
    const wrapper = withPolicy(['orchestrator.workflow.use.greeting']);
    const greeting = renderHook(() => useCanUseWorkflow('greeting'), {
      wrapper,
    });
    const other = renderHook(() => useCanUseWorkflow('other'), { wrapper });
    await waitFor(() => expect(greeting.result.current.allowed).toBe(true));
    await waitFor(() => expect(other.result.current.loading).toBe(false));
    expect(other.result.current.allowed).toBe(false);
  });

  it('is denied when neither grants it', async () => {
    const { result } = renderHook(() => useCanUseWorkflow('wf-denied'), {
      wrapper: withPolicy([]),
    });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.allowed).toBe(false);
  });
});
