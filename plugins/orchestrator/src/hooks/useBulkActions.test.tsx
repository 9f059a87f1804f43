import { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import {
  mockOrchestratorApi,
  MockOrchestratorApi,
  responseError,
} from '../__testUtils__/renderWithApis';
import { useBulkActions } from './useBulkActions';

function render(api: MockOrchestratorApi, onDone = jest.fn()) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[orchestratorApiRef, api]]}>
      {children}
    </TestApiProvider>
  );
  return renderHook(() => useBulkActions(onDone), { wrapper });
}

describe('useBulkActions', () => {
  it('sends one request for a confirmation clicked twice, and reports each run', async () => {
    let answer: (value: unknown) => void = () => {};
    const api = mockOrchestratorApi({
      abortInstances: jest.fn(
        () =>
          new Promise(resolve => {
            answer = resolve;
          }),
      ),
    });
    const onDone = jest.fn();
    const { result } = render(api, onDone);
    act(() => result.current.ask('abort'));
    expect(result.current.pending).toBe('abort');

    let first: Promise<void> = Promise.resolve();
    act(() => {
      first = result.current.confirm(['r1', 'r2']);
      result.current.confirm(['r1', 'r2']);
    });
    expect(api.abortInstances).toHaveBeenCalledTimes(1);
    expect(result.current.busy).toBe(true);
    await act(async () => {
      answer({
        results: [
          { instanceId: 'r1', ok: true },
          { instanceId: 'r2', ok: false, error: 'not active' },
        ],
      });
      await first;
    });
    expect(result.current).toMatchObject({
      busy: false,
      pending: undefined,
      outcome: { action: 'abort', result: { results: expect.any(Array) } },
    });
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('keeps a failed request as the outcome, and still refreshes the table', async () => {
    const api = mockOrchestratorApi({
      retriggerInstances: jest.fn().mockRejectedValue(await responseError(503)),
    });
    const onDone = jest.fn();
    const { result } = render(api, onDone);
    act(() => result.current.ask('retrigger'));
    await act(() => result.current.confirm(['r1']));
    expect(result.current.outcome?.action).toBe('retrigger');
    expect(result.current.outcome?.error?.message).toBe(
      'Request failed with 503 Service Unavailable',
    );
    expect(onDone).toHaveBeenCalledTimes(1);
    act(() => result.current.dismiss());
    expect(result.current.outcome).toBeUndefined();
  });
});
