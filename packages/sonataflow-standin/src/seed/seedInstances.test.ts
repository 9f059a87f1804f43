import { DefaultDataIndexStore } from '../store/DataIndexStore';
import { seedInstances } from './seedInstances';

describe('seedInstances', () => {
  it('is deterministic for the same seed and anchor', () => {
    const a = DefaultDataIndexStore.create();
    const b = DefaultDataIndexStore.create();
    const opts = {
      count: 500,
      serviceUrl: 'http://x',
      seed: 7,
      anchor: Date.UTC(2025, 0, 1),
    };
    seedInstances(a, opts);
    seedInstances(b, opts);
    expect(JSON.stringify([...a.listInstances()])).toBe(
      JSON.stringify([...b.listInstances()]),
    );
  });

  it('spreads states, workflows and entities like real history', () => {
    const store = DefaultDataIndexStore.create();
    seedInstances(store, { count: 2000, serviceUrl: 'http://x' });
    const all = [...store.listInstances()];
    expect(all).toHaveLength(2000);
    const states = new Set(all.map(i => i.state));
    expect([...states].sort()).toEqual([
      'ABORTED',
      'ACTIVE',
      'COMPLETED',
      'ERROR',
    ]);
    expect(new Set(all.map(i => i.processId)).size).toBe(6);
    const failed = all.find(i => i.state === 'ERROR')!;
    expect(failed.error!.nodeDefinitionId).toBe(failed.nodes[1].definitionId);
    expect(
      all.every(i => i.variables.initiatorEntity && i.lastUpdate >= i.start!),
    ).toBe(true);
  });

  it('creates 10^5 instances quickly', () => {
    const store = DefaultDataIndexStore.create();
    const t = Date.now();
    seedInstances(store, { count: 100_000, serviceUrl: 'http://x' });
    expect(store.instanceCount()).toBe(100_000);
    expect(Date.now() - t).toBeLessThan(60_000);
  });
});
