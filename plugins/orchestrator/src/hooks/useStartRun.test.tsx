import { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import { alertApiRef, errorApiRef } from '@backstage/core-plugin-api';
import { translationApiRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import {
  mockOrchestratorApi,
  responseError,
} from '../__testUtils__/renderWithApis';
import { useStartRun } from './useStartRun';

/** Finding 3, the UI side: Run pressed again after a lost answer must not make a second run. */
describe('useStartRun idempotency keys', () => {
  it('a retry of the same start sends the same key; a new start or other inputs a new one', async () => {
    const api = mockOrchestratorApi({
      executeWorkflow: jest
        .fn()
        .mockRejectedValueOnce(await responseError(504))
        .mockResolvedValue({ id: 'run-1' }),
    });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider
        apis={[
          [orchestratorApiRef, api],
          [alertApiRef, { post: jest.fn() }],
          [errorApiRef, { post: jest.fn(), error$: jest.fn() }],
          [translationApiRef, mockApis.translation()],
        ]}
      >
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(() => useStartRun('greeting'), { wrapper });
    const keys = () =>
      api.executeWorkflow.mock.calls.map(
        ([, request]) => request.idempotencyKey,
      );

    await act(async () => {
      expect(await result.current.start({ name: 'Ada' })).toBeUndefined();
    });
    await act(async () => {
      expect(await result.current.start({ name: 'Ada' })).toBe('run-1');
    });
    expect(keys()[1]).toBe(keys()[0]);

    // Started: the next press is another run.
    await act(async () => {
      await result.current.start({ name: 'Ada' });
    });
    expect(keys()[2]).not.toBe(keys()[1]);
    await act(async () => {
      await result.current.start({ name: 'Bo' });
    });
    expect(new Set(keys()).size).toBe(3);
    expect(keys().every(k => /^ui-[0-9a-f]{32}$/.test(k ?? ''))).toBe(true);
  });
});
