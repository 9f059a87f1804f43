import { parseArgs } from './parseArgs';

describe('parseArgs', () => {
  it('defaults to port 8899 and <repo>/workflows', () => {
    expect(parseArgs([], {}, '/repo')).toEqual({
      port: 8899,
      host: '127.0.0.1',
      workflowsDir: '/repo/workflows',
      seed: 0,
      faults: {},
      timeScale: 1,
    });
  });

  it('reads the mocks folder and time scale from flags or env', () => {
    expect(
      parseArgs(
        ['--time-scale', '0.1'],
        { STANDIN_MOCKS_DIR: '/mocks', STANDIN_TIME_SCALE: '0.5' },
        '/repo',
      ),
    ).toMatchObject({ mocksDir: '/mocks', timeScale: 0.1 });
    expect(() => parseArgs(['--time-scale', '0'], {}, '/repo')).toThrow(
      /time scale must be a number > 0/,
    );
  });

  it('lets flags win over env and reads faults from both', () => {
    const opts = parseArgs(
      [
        '--port',
        '0',
        '--seed',
        '100000',
        '--fault-data-index',
        'unavailable',
        '--fault-partial-errors',
        '--fault-workflow-ids',
        'a,b',
      ],
      {
        STANDIN_PORT: '9000',
        STANDIN_WORKFLOWS_DIR: '/wf',
        STANDIN_FAULTS: '{"dataIndexLatencyMs":50}',
      },
      '/repo',
    );
    expect(opts).toMatchObject({ port: 0, seed: 100000, workflowsDir: '/wf' });
    expect(opts.faults).toEqual({
      dataIndexLatencyMs: 50,
      dataIndex: 'unavailable',
      partialErrors: true,
      workflowIds: ['a', 'b'],
    });
  });

  it('rejects unknown flags and bad fault values', () => {
    expect(() => parseArgs(['--nope'], {}, '/repo')).toThrow(
      /unknown option --nope/,
    );
    expect(() =>
      parseArgs(['--fault-workflow-service', 'maybe'], {}, '/repo'),
    ).toThrow(/workflowService must be one of/);
  });
});
