import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider, mockApis } from '@backstage/test-utils';
import {
  permissionApiRef,
  usePermission,
} from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { orchestratorInstanceAdminViewPermission } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { PropsWithChildren } from 'react';
import { SWRConfig } from 'swr';
import { ADMIN_POLL_MS, useAdminPolling } from './useAdminPolling';

function viewer(permissions: string[]) {
  const permission = mockApis.permission({
    authorize: req =>
      permissions.includes(req.permission.name)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
  });
  // a fresh SWR cache: usePermission would otherwise reuse the previous test's decision
  return ({ children }: PropsWithChildren<{}>) => (
    <SWRConfig value={{ provider: () => new Map() }}>
      <TestApiProvider apis={[[permissionApiRef, permission]]}>
        {children}
      </TestApiProvider>
    </SWRConfig>
  );
}

const INSTANCE_ADMIN = viewer(['orchestrator.instanceAdminView']);

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(next: DocumentVisibilityState) {
  visibility = next;
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

describe('useAdminPolling', () => {
  beforeAll(() => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => visibility,
    });
  });
  beforeEach(() => {
    visibility = 'visible';
    jest.useFakeTimers({ advanceTimers: true });
  });
  afterEach(() => jest.useRealTimers());

  /** The hook on a page, once the viewer's permission is decided. */
  async function render(
    refresh: () => Promise<unknown> | void,
    wrapper: ReturnType<typeof viewer>,
  ) {
    const { result } = renderHook(
      () => {
        useAdminPolling(refresh);
        return usePermission({
          permission: orchestratorInstanceAdminViewPermission,
        });
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.loading).toBe(false));
  }

  async function elapse(ms: number) {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(ms);
    });
  }

  it("refreshes an instance admin's page every 15 s", async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    await render(refresh, INSTANCE_ADMIN);
    await elapse(ADMIN_POLL_MS - 100);
    expect(refresh).not.toHaveBeenCalled();
    await elapse(200);
    expect(refresh).toHaveBeenCalledTimes(1);
    await elapse(2 * ADMIN_POLL_MS);
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('never polls for a user who sees only their own runs', async () => {
    const refresh = jest.fn();
    // the workflow admin view shows workflows, not other people's runs
    await render(refresh, viewer(['orchestrator.workflowAdminView']));
    await elapse(10 * ADMIN_POLL_MS);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('pauses while the document is hidden and catches up on coming back', async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    await render(refresh, INSTANCE_ADMIN);
    await elapse(ADMIN_POLL_MS + 100);
    expect(refresh).toHaveBeenCalledTimes(1);

    setVisibility('hidden');
    await elapse(10 * ADMIN_POLL_MS);
    expect(refresh).toHaveBeenCalledTimes(1);

    setVisibility('visible');
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(2));
    await elapse(ADMIN_POLL_MS + 100);
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('waits for a slow refresh before counting the next interval', async () => {
    let settle: () => void = () => {};
    const refresh = jest.fn(
      () => new Promise<void>(resolve => (settle = resolve)),
    );
    await render(refresh, INSTANCE_ADMIN);
    await elapse(ADMIN_POLL_MS + 100);
    await elapse(3 * ADMIN_POLL_MS);
    expect(refresh).toHaveBeenCalledTimes(1);
    await act(async () => settle());
    await elapse(ADMIN_POLL_MS + 100);
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
