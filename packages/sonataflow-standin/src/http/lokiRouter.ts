import express from 'express';
import { queryRange, QueryRangeParams } from '../runLog/queryRange';
import type { RunLog } from '../runLog/RunLog';

/**
 * A Loki-compatible `query_range` over the runs' log, so the Orchestrator's Loki module works
 * against the stand-in. Bad queries answer 400 with Loki's plain-text reason.
 */
export function createLokiRouter(options: { runLog: RunLog }) {
  const router = express.Router();
  router.get('/loki/api/v1/query_range', (req, res) => {
    try {
      // A repeated parameter is an array in Express: only single values are read.
      const params: QueryRangeParams = {};
      for (const key of [
        'query',
        'start',
        'end',
        'limit',
        'direction',
      ] as const) {
        const value = req.query[key];
        if (typeof value === 'string') params[key] = value;
      }
      res.json(queryRange(options.runLog, params));
    } catch (error) {
      if ((error as Error).name !== 'InputError') throw error;
      res
        .status(400)
        .type('text/plain')
        .send((error as Error).message);
    }
  });
  return router;
}
