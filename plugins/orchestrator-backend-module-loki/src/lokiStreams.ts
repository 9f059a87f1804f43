import type { WorkflowLogEntry } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { WorkflowLogProviderError } from '@orchestrator-suite/backstage-plugin-orchestrator-node';

/** What Loki's `query_range` answers for a log query (resultType `streams`). */
export interface LokiQueryAnswer {
  status?: string;
  data?: {
    resultType?: string;
    result?: { stream?: Record<string, string>; values?: [string, string][] }[];
  };
}

const NANOS = /^\d{1,25}$/;

/**
 * The newest `limit` lines of all streams, oldest first. Loki was asked for one more than
 * `limit`: if it sent more, older lines exist and are left out (`truncated`).
 */
export function newestLines(
  answer: LokiQueryAnswer,
  limit: number,
  where: string,
): { lines: WorkflowLogEntry[]; truncated: boolean } {
  if (answer?.status !== 'success' || answer.data?.resultType !== 'streams') {
    throw new WorkflowLogProviderError(
      `${where} answered no log streams (status ${String(
        answer?.status,
      )}, resultType ${String(answer?.data?.resultType)})`,
    );
  }
  const values: [string, string][] = [];
  for (const stream of answer.data.result ?? []) {
    for (const value of stream.values ?? []) {
      if (
        !Array.isArray(value) ||
        !NANOS.test(String(value[0])) ||
        typeof value[1] !== 'string'
      ) {
        throw new WorkflowLogProviderError(
          `${where} answered a log entry that is not [nanoseconds, line]`,
        );
      }
      values.push(value);
    }
  }
  // Newest first across streams; the same instant keeps Loki's order (stable sort).
  values.sort((a, b) => compareNanos(b[0], a[0]));
  const kept = values.slice(0, limit).reverse();
  return {
    lines: withUniqueIds(kept),
    truncated: values.length > limit,
  };
}

function compareNanos(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

/** Ids are the entry's nanoseconds; lines of the same instant get `-1`, `-2`, ... */
function withUniqueIds(values: [string, string][]): WorkflowLogEntry[] {
  const seen = new Map<string, number>();
  return values.map(([ns, line]) => {
    const n = seen.get(ns) ?? 0;
    seen.set(ns, n + 1);
    return {
      id: n ? `${ns}-${n}` : ns,
      log: line,
      timestamp: new Date(Number(BigInt(ns) / 1_000_000n)).toISOString(),
    };
  });
}
