import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { runDuration, runEnded } from './runTimes';

const base: ProcessInstanceDTO = {
  id: 'r',
  processId: 'p',
  start: '2024-11-21T20:00:00.000Z',
  lastUpdate: '2024-11-21T20:00:05.000Z',
} as ProcessInstanceDTO;

describe('runEnded / runDuration', () => {
  it('uses the end the Data Index reports', () => {
    const run = {
      ...base,
      state: 'COMPLETED',
      end: '2024-11-21T20:00:02.000Z',
      duration: 2000,
    } as ProcessInstanceDTO;
    expect(runEnded(run)).toBe('2024-11-21T20:00:02.000Z');
    expect(runDuration(run)).toBe(2000);
  });

  it('takes the last update as the end of a failed run without an end', () => {
    const run = { ...base, state: 'ERROR' } as ProcessInstanceDTO;
    expect(runEnded(run)).toBe('2024-11-21T20:00:05.000Z');
    expect(runDuration(run)).toBe(5000);
  });

  it('gives a live run no end, and no duration unless asked for one so far', () => {
    const run = { ...base, state: 'ACTIVE' } as ProcessInstanceDTO;
    expect(runEnded(run)).toBeUndefined();
    expect(runDuration(run)).toBeUndefined();
    expect(runDuration(run, Date.parse('2024-11-21T20:00:09.000Z'))).toBe(9000);
  });
});
