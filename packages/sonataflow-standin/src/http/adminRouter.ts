import express from 'express';
import { FaultSwitches, parseFaults } from '../faults/FaultSwitches';
import { RequestStats } from '../faults/RequestStats';
import { DataIndexStore } from '../store/DataIndexStore';
import { ProducedEvent } from '../runtime/execution/produceEvents';
import { LoadProblem } from '../runtime/loader/loadWorkflows';

/**
 * `/__standin`: fault switches, request counters, reset. Not part of
 * SonataFlow; tests and benchmarks drive the stand-in through it.
 */
export function createAdminRouter(options: {
  faults: FaultSwitches;
  stats: RequestStats;
  store: DataIndexStore;
  /** Bulk-creates historic instances; returns how many. */
  seed: (count: number, seed?: number) => number;
  /** Workflow files that did not load, and why. */
  problems: () => LoadProblem[];
  /** Events the workflows produced, optionally of one instance. */
  events: (instanceId?: string) => ProducedEvent[];
}) {
  const { faults, stats, store } = options;
  const router = express.Router();
  // Scoped to the admin paths: a router-wide parser would read (and cap at 100 kB) every
  // body that passes through, /graphql's large documents included.
  router.use('/__standin', express.json());

  router.get('/__standin/faults', (_req, res) => {
    res.json(faults.get());
  });

  router.post('/__standin/faults', (req, res) => {
    try {
      res.json(faults.set(parseFaults(req.body ?? {})));
    } catch (e) {
      res.status(400).json({ message: (e as Error).message });
    }
  });

  router.get('/__standin/stats', (_req, res) => {
    res.json({ ...stats.snapshot(), instances: store.instanceCount() });
  });

  /** Resets counters and faults; `{ "instances": true }` also drops all instances. */
  router.post('/__standin/reset', (req, res) => {
    stats.reset();
    faults.reset();
    if (req.body?.instances === true) store.clearInstances();
    res.json({ ok: true, instances: store.instanceCount() });
  });

  /** `{ "count": 100000, "seed": 42 }`: adds deterministic historic instances. */
  router.post('/__standin/seed', (req, res) => {
    const count = Number(req.body?.count);
    if (!Number.isInteger(count) || count < 1 || count > 2_000_000) {
      res
        .status(400)
        .json({ message: 'count must be an integer between 1 and 2000000' });
      return;
    }
    const t = process.hrtime.bigint();
    const created = options.seed(
      count,
      req.body?.seed === undefined ? undefined : Number(req.body.seed),
    );
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    res.json({ created, ms: Math.round(ms), instances: store.instanceCount() });
  });

  /** Why a workflow did not load: `{ problems: [{ file, workflowId?, message }] }`. */
  router.get('/__standin/problems', (_req, res) => {
    res.json({ problems: options.problems() });
  });

  /** Produced CloudEvents, newest last; `?instanceId=` narrows to one instance. */
  router.get('/__standin/events', (req, res) => {
    const instanceId =
      typeof req.query.instanceId === 'string'
        ? req.query.instanceId
        : undefined;
    res.json({ events: options.events(instanceId) });
  });

  router.get('/__standin/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  return router;
}
