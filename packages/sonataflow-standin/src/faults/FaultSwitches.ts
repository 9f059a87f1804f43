/**
 * Fault switches, settable at start (flags/env) and at runtime through
 * `POST /__standin/faults`.
 * @public
 */
export interface StandinFaults {
  /** `down` drops the connection of every /graphql request; `unavailable` answers 503. */
  dataIndex: 'up' | 'down' | 'unavailable';
  /** Added before every /graphql answer. */
  dataIndexLatencyMs: number;
  /** Adds a DataFetchingException error next to the data of every GraphQL answer. */
  partialErrors: boolean;
  /** `error` answers 503 on workflow-service routes; `hang` never answers. */
  workflowService: 'up' | 'error' | 'hang';
  workflowServiceLatencyMs: number;
  /** Limit the workflow-service fault to these workflow ids; empty means all. */
  workflowIds: string[];
}

/** @public */
export const NO_FAULTS: StandinFaults = {
  dataIndex: 'up',
  dataIndexLatencyMs: 0,
  partialErrors: false,
  workflowService: 'up',
  workflowServiceLatencyMs: 0,
  workflowIds: [],
};

const ENUMS: Partial<Record<keyof StandinFaults, readonly string[]>> = {
  dataIndex: ['up', 'down', 'unavailable'],
  workflowService: ['up', 'error', 'hang'],
};

/** Checks a partial fault object from JSON or flags; throws with the bad key named. */
export function parseFaults(input: unknown): Partial<StandinFaults> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('faults must be a JSON object');
  }
  const out: Partial<StandinFaults> = {};
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'dataIndex':
      case 'workflowService':
        if (!ENUMS[key]!.includes(String(value))) {
          throw new Error(`${key} must be one of ${ENUMS[key]!.join(', ')}`);
        }
        (out as any)[key] = String(value);
        break;
      case 'dataIndexLatencyMs':
      case 'workflowServiceLatencyMs': {
        const n = Number(value);
        if (!Number.isFinite(n) || n < 0)
          throw new Error(`${key} must be a number >= 0`);
        out[key] = n;
        break;
      }
      case 'partialErrors':
        out.partialErrors = value === true || value === 'true';
        break;
      case 'workflowIds':
        out.workflowIds = Array.isArray(value)
          ? value.map(String)
          : String(value).split(',').filter(Boolean);
        break;
      default:
        throw new Error(`unknown fault '${key}'`);
    }
  }
  return out;
}

/** @public */
export class FaultSwitches {
  private current: StandinFaults;

  static create(initial?: Partial<StandinFaults>) {
    return new FaultSwitches(initial);
  }

  private constructor(initial?: Partial<StandinFaults>) {
    this.current = { ...NO_FAULTS, ...initial };
  }

  get(): StandinFaults {
    return this.current;
  }

  set(partial: Partial<StandinFaults>): StandinFaults {
    this.current = { ...this.current, ...partial };
    return this.current;
  }

  reset(): StandinFaults {
    this.current = { ...NO_FAULTS };
    return this.current;
  }

  /** Whether the workflow-service fault applies to this workflow id. */
  appliesToWorkflow(workflowId: string | undefined): boolean {
    const ids = this.current.workflowIds;
    return (
      ids.length === 0 || (workflowId !== undefined && ids.includes(workflowId))
    );
  }
}
