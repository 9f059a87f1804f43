import path from 'node:path';
import { startStandin, RunningStandin } from '../startStandin';
import { ProcessInstanceRecord } from '../store/types';
import { eventually, postJson } from '../testing/http';
import { retryDelayMs, RetryPolicy } from './execution/retries';

const FIXTURES = path.join(__dirname, '__fixtures__', 'sw08');
// Every ISO duration in the fixtures runs 20× faster (PT1S = 50 ms).
const TIME_SCALE = 0.05;

describe('Serverless Workflow 0.8 constructs', () => {
  let s: RunningStandin;

  beforeAll(async () => {
    s = await startStandin({ workflowsDir: FIXTURES, timeScale: TIME_SCALE });
  });
  afterAll(() => s.close());

  const start = async (id: string, input: object = {}) =>
    (await s.runtime.start(id, { workflowdata: input }, 0)).id;
  const run = async (id: string, input: object = {}) =>
    s.runtime.whenSettled(await start(id, input));
  const names = (r: ProcessInstanceRecord) => r.nodes.map(n => n.name);
  const data = (r: ProcessInstanceRecord) => r.variables.workflowdata as any;

  describe('loading', () => {
    it('accepts compensation states without transition or end, and names the workflow of a bad file', async () => {
      expect(s.runtime.getWorkflow('compensation')).toBeDefined();
      expect(s.problems).toEqual([
        {
          file: path.join(FIXTURES, 'bad-compensation.sw.yaml'),
          workflowId: 'bad-compensation',
          message:
            "state 'Undo' compensates 'Work' but does not set usedForCompensation: true",
        },
      ]);
      const res = await fetch(`${s.url}/__standin/problems`);
      expect(await res.json()).toEqual({ problems: s.problems });
    });
  });

  describe('toStateData', () => {
    it('merges into the whole state data with ".", and into any jq path', async () => {
      const id = await start('to-state-data', { keep: 'me' });
      const done = await s.runtime.whenSettled(id);
      // Merge completed; Bad failed after it, so look at the data Merge left.
      const merged = data(done);
      expect(merged).toMatchObject({
        keep: 'me',
        a: 1,
        b: { c: 2 },
        tags: { 'first-tag': 'x' },
        list: [null, 'x'],
      });
    });

    it('fails naming a toStateData that is not a path', async () => {
      const done = await run('to-state-data', {});
      expect(done.state).toBe('ERROR');
      expect(done.error!.message).toMatch(
        /^toStateData '\.b \| length' is not a jq path expression/,
      );
    });
  });

  describe('compensation', () => {
    it('on a compensate transition undoes completed states in reverse order, recorded as nodes', async () => {
      const done = await run('compensation', { mode: 'broken' });
      expect(done.state).toBe('COMPLETED');
      expect(names(done)).toEqual([
        'Start',
        'CreateA',
        'createThing',
        'Plain',
        'CreateB',
        'createThing',
        'Call',
        'flaky',
        'Compensation',
        'DeleteB',
        'deleteThing',
        'NoteB',
        'DeleteA',
        'deleteThing',
        'RolledBack',
        'End',
      ]);
      expect(data(done)).toMatchObject({
        deletedB: { deleted: 'thing-b' },
        deletedA: { deleted: 'thing-a' },
        undone: ['b'],
        rolledBack: true,
      });
      const marker = done.nodes.find(n => n.name === 'Compensation')!;
      const deleteA = done.nodes.filter(n => n.name === 'DeleteA')[0];
      expect(marker.exit).toBeGreaterThanOrEqual(deleteA.exit!);
      expect(done.executionSummary).toContain(
        "Compensation started for 'CreateB', 'CreateA'",
      );
    });

    it('does not compensate when the run succeeds, and fails when the error has no compensating handler', async () => {
      const ok = await run('compensation', { mode: 'fine' });
      expect(ok.state).toBe('COMPLETED');
      expect(names(ok)).not.toContain('Compensation');
      const failed = await run('compensation', { mode: 'missing' });
      expect(failed.state).toBe('ERROR');
      expect(failed.error!.message).toMatch(/mock 'flaky' answered 404/);
      expect(names(failed)).not.toContain('DeleteA');
    });
  });

  describe('parallel', () => {
    it('runs branches concurrently: one waits for an event while the other completes', async () => {
      const id = await start('parallel');
      const waiting = await eventually(
        () => s.runtime.instance(id),
        r => Boolean(r.nodes.find(n => n.name === 'work')?.exit),
      );
      expect(waiting.state).toBe('ACTIVE');
      expect(
        waiting.nodes.find(n => n.name === 'askPeer')!.exit,
      ).toBeUndefined();
      const [ping] = s.runtime.producedEvents(id);
      expect(ping).toMatchObject({
        type: 'test.ping',
        data: { from: 'waiter' },
      });
      await postJson(`${s.url}/`, {
        specversion: '1.0',
        id: 'p1',
        source: 'test',
        type: 'test.pong',
        kogitoprocrefid: id,
        data: { answer: 42 },
      });
      const done = await s.runtime.whenSettled(id);
      expect(done.state).toBe('COMPLETED');
      expect(data(done)).toEqual({ worked: true, reply: { answer: 42 } });
      expect(names(done)).toEqual(
        expect.arrayContaining(['Fork', 'waiter', 'worker', 'askPeer', 'work']),
      );
    });

    it('atLeast cancels the branches it no longer needs; a failing branch cancels its siblings and fails the state', async () => {
      const t = Date.now();
      const done = await run('parallel-at-least');
      expect(Date.now() - t).toBeLessThan(2000); // the PT60S sleeps (3 s scaled) never ran out
      expect(done.state).toBe('ERROR');
      expect(done.error!.message).toMatch(/mock 'flaky' answered 503/);
      const node = (name: string) => done.nodes.find(n => n.name === name)!;
      expect(node('fast').cancelType).toBeUndefined();
      expect(node('slow').cancelType).toBe('ABORTED');
      expect(node('sleeper').cancelType).toBe('ABORTED');
      expect(node('break').id).toBe(done.error!.nodeInstanceId);
      expect(data(done)).toEqual({ fast: true });
      const jobs = [...s.store.listJobs()].filter(
        j => j.processInstanceId === done.id,
      );
      expect(jobs.map(j => j.status)).toEqual(['CANCELED', 'CANCELED']);
    });
  });

  describe('switch eventConditions', () => {
    it('takes the matching event condition with its eventDataFilter', async () => {
      const id = await start('event-switch');
      await postJson(`${s.url}/`, {
        specversion: '1.0',
        id: 'a1',
        source: 'test',
        type: 'test.approved',
        kogitoprocrefid: id,
        data: { by: 'ada' },
      });
      const done = await s.runtime.whenSettled(id);
      expect(done.state).toBe('COMPLETED');
      expect(data(done)).toEqual({
        approval: { by: 'ada' },
        outcome: 'approved',
      });
      expect(done.nodes.map(n => n.type)).toContain('EventNode');
    });

    it('takes defaultCondition on eventTimeout, and fails on a timeout without one', async () => {
      const done = await run('event-switch');
      expect(names(done)).toEqual([
        'Start',
        'Decide',
        'approved',
        'TimedOut',
        'StrictWait',
        'approved',
      ]);
      expect(done.state).toBe('ERROR');
      expect(done.error!.message).toBe(
        "switch 'StrictWait': eventTimeout reached and it has no defaultCondition",
      );
    });
  });

  describe('produceEvents', () => {
    it('produces events on transitions and ends, as nodes and at /__standin/events', async () => {
      const done = await run('produce');
      expect(done.state).toBe('COMPLETED');
      expect(names(done)).toEqual([
        'Start',
        'First',
        'started',
        'Last',
        'finished',
        'End',
      ]);
      const res = await fetch(
        `${s.url}/__standin/events?instanceId=${done.id}`,
      );
      const { events } = await res.json();
      expect(events).toEqual([
        expect.objectContaining({
          type: 'test.started',
          source: 'produce-test',
          team: 'platform',
          data: { step: 1 },
          kogitoprocinstanceid: done.id,
          kogitoprocid: 'produce',
        }),
        expect.objectContaining({
          type: 'test.finished',
          source: 'produce',
          data: { done: true, step: 2 },
        }),
      ]);
      expect(done.nodes.find(n => n.name === 'finished')!.inputArgs).toEqual(
        events[1],
      );
    });

    it('fails the run when an event cannot be built, producing nothing and not taking the transition', async () => {
      const done = await run('produce-failing');
      expect(done.state).toBe('ERROR');
      expect(done.error!.message).toMatch(/no data for the event/);
      expect(names(done)).not.toContain('Last');
      const res = await fetch(
        `${s.url}/__standin/events?instanceId=${done.id}`,
      );
      expect((await res.json()).events).toEqual([]);
    });
  });

  describe('retries', () => {
    it('retries a retryable error with backoff, each attempt a node, until it succeeds', async () => {
      const done = await run('retries', { mode: 'warming' });
      expect(done.state).toBe('COMPLETED');
      const attempts = done.nodes.filter(n => n.name === 'callFlaky');
      expect(attempts.map(n => n.errorMessage)).toEqual([
        expect.stringMatching(/answered 503.*warming up/),
        expect.stringMatching(/answered 503.*still warming up/),
        undefined,
      ]);
      expect(attempts[2].outputArgs).toMatchObject({
        mock: { key: 'flaky', status: 200, call: 3 },
        response: { ok: true },
      });
      const jobs = [...s.store.listJobs()].filter(
        j => j.processInstanceId === done.id,
      );
      expect(jobs.map(j => j.status)).toEqual(['EXECUTED', 'EXECUTED']);
    });

    it('gives up after maxAttempts and never retries an error outside retryableErrors', async () => {
      const tooMany = await run('retries', { mode: 'warming', retry: 'once' });
      expect(tooMany.state).toBe('ERROR');
      expect(tooMany.nodes.filter(n => n.name === 'callFlaky')).toHaveLength(2);
      const notRetryable = await run('retries', { mode: 'missing' });
      expect(notRetryable.state).toBe('ERROR');
      expect(
        notRetryable.nodes.filter(n => n.name === 'callFlaky'),
      ).toHaveLength(1);
    });

    it('computes delays from delay, multiplier, increment, maxDelay and jitter', () => {
      const policy: RetryPolicy = {
        name: 'p',
        maxAttempts: 5,
        delayMs: 1000,
        multiplier: 2,
        incrementMs: 100,
        maxDelayMs: 3000,
      };
      expect([1, 2, 3].map(n => retryDelayMs(policy, n))).toEqual([
        1000, 2100, 3000,
      ]);
      const jittered = { ...policy, jitter: { fraction: 0.5 } };
      expect(retryDelayMs(jittered, 1, () => 0)).toBe(500);
      expect(retryDelayMs(jittered, 1, () => 1)).toBe(1500);
      expect(retryDelayMs({ ...policy, jitter: { ms: 200 } }, 1, () => 0)).toBe(
        800,
      );
    });
  });

  describe('workflowExecTimeout', () => {
    it('stops the run, runs runBefore and aborts the instance', async () => {
      const t = Date.now();
      const done = await run('exec-timeout');
      expect(Date.now() - t).toBeLessThan(2000);
      expect(done.state).toBe('ABORTED');
      expect(names(done)).toEqual(['Start', 'Wait', 'Report']);
      expect(done.nodes[1].cancelType).toBe('ABORTED');
      expect(data(done)).toEqual({ reported: true });
      expect(done.executionSummary).toContain(
        'Workflow execution timeout (PT5S) reached',
      );
    });

    it('with interrupt: false lets the current state finish, then aborts before the next', async () => {
      const done = await run('exec-timeout-graceful');
      expect(done.state).toBe('ABORTED');
      expect(names(done)).toEqual(['Start', 'Work']);
      expect(done.nodes[1].cancelType).toBeUndefined();
      expect(done.nodes[1].exit).toBeDefined();
      expect(data(done).next).toBeUndefined();
    });

    it('does not touch a run that ends in time', async () => {
      const done = await run('exec-timeout-in-time');
      expect(done.state).toBe('COMPLETED');
      // Past the timeout (PT2S = 100 ms here) it is still completed.
      await new Promise(r => setTimeout(r, 200));
      expect(s.runtime.instance(done.id).state).toBe('COMPLETED');
      expect(s.runtime.instance(done.id).executionSummary).not.toContain(
        'Workflow execution timeout (PT2S) reached',
      );
    });
  });

  describe('operation state with actionMode: parallel', () => {
    it('runs the actions at once on the state data, merging results in action order', async () => {
      const done = await run('parallel-actions', { n: 3 });
      expect(done.state).toBe('COMPLETED');
      expect(data(done)).toEqual({
        n: 3,
        doubled: 6,
        squared: 9,
        checks: { first: { checked: true } },
      });
      const spans = done.nodes
        .filter(n => ['double', 'square', 'check'].includes(n.name))
        .map(n => [n.enter, n.exit!]);
      expect(spans).toHaveLength(3);
      // All three were running at the moment the last one began.
      const lastStart = Math.max(...spans.map(([a]) => a));
      expect(spans.every(([a, b]) => a <= lastStart && lastStart < b)).toBe(
        true,
      );
    });

    it('fails the state when one action fails, cancelling the others', async () => {
      const done = await run('parallel-actions', { n: 13 });
      expect(done.state).toBe('ERROR');
      expect(done.error!.message).toMatch(/unlucky 13/);
      const failing = done.nodes.find(
        n => n.definitionId === done.error!.nodeDefinitionId,
      )!;
      expect(failing.name).toBe('check');
      const others = done.nodes.filter(n =>
        ['double', 'square'].includes(n.name),
      );
      expect(others.map(n => n.cancelType)).toEqual(['ABORTED', 'ABORTED']);
      expect(data(done).doubled).toBeUndefined();
    });
  });

  describe('foreach', () => {
    it('runs at most batchSize iterations at once in parallel mode, keeping the output order', async () => {
      const done = await run('foreach-batch', { numbers: [1, 2, 3, 4, 5] });
      expect(done.state).toBe('COMPLETED');
      expect(data(done).doubled).toEqual([2, 4, 6, 8, 10]);
      expect(data(done).again).toEqual([2, 4, 6, 8, 10]);
      const spans = done.nodes
        .filter(n => n.name === 'double')
        .map(n => [n.enter, n.exit!]);
      const overlap = (at: number) =>
        spans.filter(([a, b]) => a <= at && at < b).length;
      const most = Math.max(...spans.map(([a]) => overlap(a)));
      expect(most).toBe(2);
    });

    it('fails the state when an iteration fails, cancelling the others', async () => {
      const done = await run('foreach-batch', { numbers: [13, 1] });
      expect(done.state).toBe('ERROR');
      expect(done.error!.message).toMatch(/unlucky 13/);
    });
  });

  it('still fails a run naming a construct it does not support', async () => {
    const done = await run('unsupported');
    expect(done.state).toBe('ERROR');
    expect(done.error!.message).toBe(
      "Unsupported construct: end.continueAs (state 'Next')",
    );
  });
});
