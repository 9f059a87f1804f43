import { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import { activeRun, failedRun } from '../__testUtils__/fixtures';
import {
  manualSignalApi,
  mockOrchestratorApi,
  responseError,
} from '../__testUtils__/renderWithApis';
import { useWorkflowInstance } from './useWorkflowInstance';

function wrapperFor(apis: any[]) {
  return ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={apis as any}>{children}</TestApiProvider>
  );
}

async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

describe('useWorkflowInstance', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('without signals, polls with growing delays and stops in a terminal state', async () => {
    const api = mockOrchestratorApi({
      getInstance: jest.fn().mockResolvedValue(activeRun),
    });
    const { result } = renderHook(() => useWorkflowInstance('run-3'), {
      wrapper: wrapperFor([[orchestratorApiRef, api]]),
    });
    await advance(0);
    expect(result.current.instance?.state).toBe('ACTIVE');
    expect(result.current.isSignalsAvailable).toBe(false);
    expect(api.getInstance).toHaveBeenCalledTimes(1);

    await advance(2000); // first poll after 2 s
    expect(api.getInstance).toHaveBeenCalledTimes(2);
    await advance(2000); // next wait is 3.2 s, not 2 s
    expect(api.getInstance).toHaveBeenCalledTimes(2);
    await advance(1200);
    expect(api.getInstance).toHaveBeenCalledTimes(3);

    api.getInstance.mockResolvedValue({ ...activeRun, state: 'COMPLETED' });
    await advance(5120);
    expect(api.getInstance).toHaveBeenCalledTimes(4);
    expect(result.current.instance?.state).toBe('COMPLETED');
    await advance(120_000);
    expect(api.getInstance).toHaveBeenCalledTimes(4);
  });

  it('with signals, never polls and refreshes on a message', async () => {
    const signals = manualSignalApi();
    const api = mockOrchestratorApi({
      getInstance: jest.fn().mockResolvedValue(activeRun),
    });
    const { result } = renderHook(() => useWorkflowInstance('run-3'), {
      wrapper: wrapperFor([
        [orchestratorApiRef, api],
        [signalApiRef, signals],
      ]),
    });
    await advance(0);
    await advance(120_000);
    expect(api.getInstance).toHaveBeenCalledTimes(1);
    api.getInstance.mockResolvedValue({ ...activeRun, state: 'ERROR' });
    await act(async () => {
      signals.emit('orchestrator:instance:run-3', {
        type: 'instance-updated',
        state: 'ERROR',
      });
    });
    await advance(0);
    expect(api.getInstance).toHaveBeenCalledTimes(2);
    expect(result.current.instance?.state).toBe('ERROR');
  });

  it('while starting, retries a 404 quickly until the run appears', async () => {
    const notFound = await responseError(404);
    const api = mockOrchestratorApi({
      getInstance: jest
        .fn()
        .mockRejectedValueOnce(notFound)
        .mockRejectedValueOnce(notFound)
        .mockResolvedValue(activeRun),
    });
    const { result } = renderHook(
      () => useWorkflowInstance('run-3', { starting: true }),
      {
        wrapper: wrapperFor([[orchestratorApiRef, api]]),
      },
    );
    await advance(0);
    expect(result.current.starting).toBe(true);
    expect(result.current.error).toBeUndefined();
    await advance(500);
    await advance(750);
    expect(api.getInstance).toHaveBeenCalledTimes(3);
    expect(result.current.starting).toBe(false);
    expect(result.current.instance?.id).toBe('run-3');
  });

  it('after an action on a failed run, polls until the run changes', async () => {
    const api = mockOrchestratorApi({
      getInstance: jest.fn().mockResolvedValue(failedRun),
    });
    const { result } = renderHook(() => useWorkflowInstance('run-2'), {
      wrapper: wrapperFor([[orchestratorApiRef, api]]),
    });
    await advance(0);
    await advance(60_000);
    expect(api.getInstance).toHaveBeenCalledTimes(1); // ERROR is terminal: no polling

    act(() => result.current.watchForChange());
    await advance(2000);
    expect(api.getInstance).toHaveBeenCalledTimes(2);
    api.getInstance.mockResolvedValue({
      ...failedRun,
      state: 'ACTIVE',
      lastUpdate: 'later',
    });
    await advance(3200);
    expect(result.current.instance?.state).toBe('ACTIVE');
  });

  it('a started run that never appears stops waiting after the bounded wait and says so', async () => {
    const notFound = await responseError(404);
    const api = mockOrchestratorApi({
      getInstance: jest.fn().mockRejectedValue(notFound),
    });
    const { result } = renderHook(
      () =>
        useWorkflowInstance('run-gone', {
          starting: true,
          startingWaitMs: 10_000,
        }),
      { wrapper: wrapperFor([[orchestratorApiRef, api]]) },
    );
    await advance(9_000);
    expect(result.current.starting).toBe(true);
    expect(result.current.neverAppeared).toBe(false);
    await advance(1_500);
    expect(result.current.starting).toBe(false);
    expect(result.current.neverAppeared).toBe(true);
    expect(result.current.error).toBeUndefined();
    // Waiting stopped: no more polls of a run that is not coming.
    const calls = api.getInstance.mock.calls.length;
    await advance(60_000);
    expect(api.getInstance.mock.calls.length).toBe(calls);
  });
});
