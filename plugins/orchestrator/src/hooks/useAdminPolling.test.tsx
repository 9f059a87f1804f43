import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider, mockApis } from '@backstage/test-utils';
import {
  permissionApiRef,
  usePermission,
} from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { orchestratorInstanceAdminViewPermission } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { configApiRef } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { PropsWithChildren } from 'react';
import { SWRConfig } from 'swr';
import { manualSignalApi } from '../__testUtils__/renderWithApis';
import {
  ADMIN_POLL_MS,
  ADMIN_RENEW_MS,
  useAdminPolling,
} from './useAdminPolling';

/** The viewer's permissions, and a signal API unless `signals` is undefined (no signals plugin). */
function viewer(
  permissions: string[],
  signals?: ReturnType<typeof manualSignalApi>,
  adminTicksTtlSeconds?: number,
) {
  const config = mockApis.config({
    data:
      adminTicksTtlSeconds === undefined
        ? {}
        : { orchestrator: { instanceWatcher: { adminTicksTtlSeconds } } },
  });
  const permission = mockApis.permission({
    authorize: req =>
      permissions.includes(req.permission.name)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
  });
  // a fresh SWR cache: usePermission would otherwise reuse the previous test's decision
  return ({ children }: PropsWithChildren<{}>) => (
    <SWRConfig value={{ provider: () => new Map() }}>
      {signals ? (
        <TestApiProvider
          apis={[
            [permissionApiRef, permission],
            [signalApiRef, signals],
            [configApiRef, config],
          ]}
        >
          {children}
        </TestApiProvider>
      ) : (
        <TestApiProvider apis={[[permissionApiRef, permission]]}>
          {children}
        </TestApiProvider>
      )}
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

  it("without a signal API, refreshes an instance admin's page every 15 s", async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    await render(refresh, INSTANCE_ADMIN);
    await elapse(ADMIN_POLL_MS - 100);
    expect(refresh).not.toHaveBeenCalled();
    await elapse(200);
    expect(refresh).toHaveBeenCalledTimes(1);
    await elapse(2 * ADMIN_POLL_MS);
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('with signals, an instance admin polls nothing and refreshes on each tick of orchestrator:workflows', async () => {
    const signals = manualSignalApi();
    const refresh = jest.fn().mockResolvedValue(undefined);
    await render(refresh, viewer(['orchestrator.instanceAdminView'], signals));
    expect(signals.channels()).toEqual(['orchestrator:workflows']);
    await elapse(ADMIN_RENEW_MS - 100);
    expect(refresh).not.toHaveBeenCalled();

    act(() =>
      signals.emit('orchestrator:workflows', {
        type: 'workflow-changed',
        workflowId: 'greeting',
      }),
    );
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('with signals, reloads a page no tick refreshed for 5 minutes once, so the backend keeps ticking the admin', async () => {
    const signals = manualSignalApi();
    const refresh = jest.fn().mockResolvedValue(undefined);
    await render(refresh, viewer(['orchestrator.instanceAdminView'], signals));
    await elapse(ADMIN_RENEW_MS / 2);
    act(() =>
      signals.emit('orchestrator:workflows', {
        type: 'workflow-changed',
        workflowId: 'greeting',
      }),
    );
    expect(refresh).toHaveBeenCalledTimes(1);
    // the tick's refresh renewed the admin: the next reload is 5 minutes after it
    await elapse(ADMIN_RENEW_MS - 100);
    expect(refresh).toHaveBeenCalledTimes(1);
    await elapse(200);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('with signals, renews within half a shorter backend TTL', async () => {
    const signals = manualSignalApi();
    const refresh = jest.fn().mockResolvedValue(undefined);
    await render(
      refresh,
      viewer(['orchestrator.instanceAdminView'], signals, 120),
    );
    await elapse(60_000 - 100);
    expect(refresh).not.toHaveBeenCalled();
    await elapse(200);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('with signals but a backend TTL of 0 (no admin ticks), polls every 15 s and subscribes to nothing', async () => {
    const signals = manualSignalApi();
    const refresh = jest.fn().mockResolvedValue(undefined);
    await render(
      refresh,
      viewer(['orchestrator.instanceAdminView'], signals, 0),
    );
    expect(signals.channels()).toEqual([]);
    await elapse(ADMIN_POLL_MS + 100);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('with signals, a user without instanceAdminView subscribes to nothing and never polls', async () => {
    const signals = manualSignalApi();
    const refresh = jest.fn();
    await render(refresh, viewer(['orchestrator.workflowAdminView'], signals));
    expect(signals.channels()).toEqual([]);
    await elapse(10 * ADMIN_RENEW_MS);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('with signals, catches up on coming back to a hidden tab', async () => {
    const signals = manualSignalApi();
    const refresh = jest.fn().mockResolvedValue(undefined);
    await render(refresh, viewer(['orchestrator.instanceAdminView'], signals));
    setVisibility('hidden');
    await elapse(2 * ADMIN_RENEW_MS);
    expect(refresh).not.toHaveBeenCalled();
    setVisibility('visible');
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
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
