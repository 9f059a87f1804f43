import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { activeRun, runList } from '../../__testUtils__/fixtures';
import {
  manualSignalApi,
  mockOrchestratorApi,
  responseError,
} from '../../__testUtils__/renderWithApis';
import { renderOrchestratorAt } from '../../__testUtils__/renderRoute';

jest.setTimeout(20_000);

/** Finding 12: after an outage pages kept the error until a reload; unknown and forbidden looked alike. */
describe('run page recovery', () => {
  const apiWith = (getInstance: jest.Mock) =>
    mockOrchestratorApi({
      getInstance,
      getInstances: jest.fn().mockResolvedValue(runList([])),
    });

  it('tells not found, forbidden and unavailable apart', async () => {
    await renderOrchestratorAt('/instances/nope', {
      api: apiWith(jest.fn().mockRejectedValue(await responseError(404))),
    });
    expect(await screen.findByTestId('not-found')).toHaveTextContent(
      'There is no run with this id',
    );

    await renderOrchestratorAt('/instances/theirs', {
      api: apiWith(jest.fn().mockRejectedValue(await responseError(403))),
    });
    expect(await screen.findByTestId('forbidden')).toHaveTextContent(
      'You do not have access',
    );

    await renderOrchestratorAt('/instances/run-3', {
      api: apiWith(jest.fn().mockRejectedValue(await responseError(503))),
    });
    expect(
      await screen.findByTestId('data-index-unavailable'),
    ).toHaveTextContent('It retries by itself.');
  });

  it('any other failure has a Retry that loads again in place', async () => {
    const getInstance = jest
      .fn()
      .mockRejectedValueOnce(await responseError(500))
      .mockResolvedValue(activeRun);
    await renderOrchestratorAt('/instances/run-3', {
      api: apiWith(getInstance),
    });
    expect(await screen.findByTestId('api-error')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('retry'));
    expect(await screen.findByTestId('instance-actions')).toBeInTheDocument();
    expect(screen.queryByTestId('api-error')).not.toBeInTheDocument();
  });

  it('a page opened during an outage recovers by itself when the Data Index is back', async () => {
    const getInstance = jest
      .fn()
      .mockRejectedValueOnce(await responseError(503))
      .mockResolvedValue(activeRun);
    await renderOrchestratorAt('/instances/run-3', {
      api: apiWith(getInstance),
    });
    expect(
      await screen.findByTestId('data-index-unavailable'),
    ).toBeInTheDocument();
    // No click: the first retry comes 2 s later.
    expect(
      await screen.findByTestId('instance-actions', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(getInstance).toHaveBeenCalledTimes(2);
  });

  it('an open page says its data may be stale while the Data Index is down, then catches up', async () => {
    const signals = manualSignalApi();
    const down = await responseError(503);
    const getInstance = jest
      .fn()
      .mockResolvedValueOnce(activeRun)
      .mockRejectedValueOnce(down)
      .mockResolvedValue({ ...activeRun, state: 'COMPLETED' });
    await renderOrchestratorAt('/instances/run-3', {
      api: apiWith(getInstance),
      signalApi: signals,
    });
    expect(await screen.findByTestId('instance-actions')).toBeInTheDocument();
    act(() => {
      signals.emit('orchestrator:instance:run-3', { type: 'instance-updated' });
    });
    expect(await screen.findByTestId('stale-data')).toHaveTextContent(
      'Data may be stale',
    );
    // What was loaded stays on the page.
    expect(screen.getByTestId('instance-actions')).toBeInTheDocument();
    await waitFor(
      () => expect(screen.queryByTestId('stale-data')).not.toBeInTheDocument(),
      { timeout: 5000 },
    );
    expect(getInstance).toHaveBeenCalledTimes(3);
  });
});
