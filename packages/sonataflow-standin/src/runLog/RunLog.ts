import type { DataIndexStore } from '../store/DataIndexStore';
import type { ProcessInstanceRecord } from '../store/types';

/** One written line, as Loki keeps it: a stream's labels, a nanosecond time, the text. */
export interface RunLogLine {
  labels: Record<string, string>;
  /** Nanoseconds since the epoch; unique and increasing across the log. */
  ns: bigint;
  line: string;
}

/** Runs whose last state is remembered, to tell what changed. */
const MAX_RUNS = 10_000;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Snapshot = {
  state?: string;
  nodes: Map<string, { exited: boolean; failed: boolean }>;
};

/**
 * The application log a SonataFlow workflow service would write (and a Loki would collect):
 * runs starting, nodes entered and left, failures and the end state, each line with the run
 * id, read off the instance changes the runtime stores. Only runs the runtime executes write
 * lines; seeded history has none, as it would have been logged by another pod long ago.
 */
export class RunLog {
  static create(options: { store: DataIndexStore; maxLines?: number }) {
    const log = new RunLog(options.store, options.maxLines ?? 50_000);
    options.store.onInstanceChange(instance => log.observe(instance));
    return log;
  }

  private readonly lines: RunLogLine[] = [];
  private readonly seen = new Map<string, Snapshot>();
  private lastNs = 0n;

  private constructor(
    private readonly store: DataIndexStore,
    private readonly maxLines: number,
  ) {}

  /** What a workflow printed (`sysout`), in its run's stream. */
  write(instanceId: string, level: string, message: string) {
    const instance = this.store.getInstance(instanceId);
    this.append(
      instance?.processId ?? 'unknown',
      Date.now(),
      level.toUpperCase(),
      `[sysout] ${message} (instance ${instanceId})`,
    );
  }

  /** Every line, oldest first (the query filters them). */
  all(): readonly RunLogLine[] {
    return this.lines;
  }

  private observe(instance: ProcessInstanceRecord) {
    const before = this.seen.get(instance.id);
    const now: Snapshot = { state: instance.state, nodes: new Map() };
    const wf = instance.processId;
    const who = `workflow '${wf}' instance ${instance.id}`;
    if (!before) {
      this.append(wf, instance.start ?? Date.now(), 'INFO', `Starting ${who}`);
    }
    for (const node of instance.nodes ?? []) {
      const was = before?.nodes.get(node.id);
      const failed = Boolean(node.errorMessage);
      now.nodes.set(node.id, { exited: node.exit !== undefined, failed });
      const label = `'${node.name}' (${node.type})`;
      if (!was)
        this.append(
          wf,
          node.enter,
          'INFO',
          `${cap(who)} entered node ${label}`,
        );
      if (failed && !was?.failed) {
        this.append(
          wf,
          node.exit ?? node.enter,
          'ERROR',
          `${cap(who)} failed in node ${label}: ${node.errorMessage}`,
        );
      } else if (node.exit !== undefined && !was?.exited) {
        this.append(wf, node.exit, 'INFO', `${cap(who)} left node ${label}`);
      }
    }
    if (instance.state !== before?.state && instance.state !== 'ACTIVE') {
      const at = instance.end ?? instance.lastUpdate ?? Date.now();
      if (instance.state === 'ERROR') {
        const reason = instance.error?.message;
        this.append(
          wf,
          at,
          'ERROR',
          `${cap(who)} ended in ERROR${reason ? `: ${reason}` : ''}`,
        );
      } else {
        this.append(wf, at, 'INFO', `${cap(who)} is ${instance.state}`);
      }
    }
    this.seen.delete(instance.id);
    this.seen.set(instance.id, now);
    // Bounded like the lines: the least recently changed runs are forgotten first.
    if (this.seen.size > MAX_RUNS) {
      this.seen.delete(this.seen.keys().next().value!);
    }
  }

  private append(
    workflowId: string,
    atMs: number,
    level: string,
    message: string,
  ) {
    // Strictly increasing times: lines of the same millisecond keep the order they happened in.
    let ns = BigInt(Math.round(atMs)) * 1_000_000n;
    if (ns <= this.lastNs) ns = this.lastNs + 1n;
    this.lastNs = ns;
    this.lines.push({
      labels: { service_name: workflowId, app: 'sonataflow-standin' },
      ns,
      line: `${quarkusTime(ns)} ${level.padEnd(
        5,
      )} [org.kie.kogito.serverless.workflow] (executor-thread-1) ${message}`,
    });
    if (this.lines.length > this.maxLines) {
      this.lines.splice(0, this.lines.length - this.maxLines);
    }
  }
}

/** Quarkus' default console format: `2026-11-01 10:00:00,123`. */
function quarkusTime(ns: bigint): string {
  const iso = new Date(Number(ns / 1_000_000n)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)},${iso.slice(20, 23)}`;
}
