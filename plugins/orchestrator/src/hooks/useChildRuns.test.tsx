import { ReactNode } from 'react';
import { renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import { activeRun, completedRun, runList } from '../__testUtils__/fixtures';
import { mockOrchestratorApi } from '../__testUtils__/renderWithApis';
import { useChildRuns } from './useChildRuns';

describe('useChildRuns', () => {
  it("asks for the run's children, and reloads them in place when the parent moves", async () => {
    const api = mockOrchestratorApi({
      getInstances: jest
        .fn()
        .mockResolvedValueOnce(runList([completedRun]))
        .mockResolvedValue(runList([completedRun, activeRun])),
    });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[orchestratorApiRef, api]]}>
        {children}
      </TestApiProvider>
    );
    const seen: (number | undefined)[] = [];
    const { result, rerender } = renderHook(
      ({ lastUpdate }) => {
        const value = useChildRuns('parent-1', lastUpdate);
        seen.push(value?.items.length);
        return value;
      },
      { wrapper, initialProps: { lastUpdate: 't1' } },
    );
    await waitFor(() => expect(result.current?.items).toHaveLength(1));
    expect(api.getInstances).toHaveBeenCalledWith(
      expect.objectContaining({
        filters: {
          field: 'parentProcessInstanceId',
          operator: 'EQ',
          value: 'parent-1',
        },
      }),
    );

    seen.length = 0;
    rerender({ lastUpdate: 't2' });
    await waitFor(() => expect(result.current?.items).toHaveLength(2));
    expect(api.getInstances).toHaveBeenCalledTimes(2);
    // the card never disappears while the new list loads
    expect(seen).not.toContain(undefined);
  });
});
