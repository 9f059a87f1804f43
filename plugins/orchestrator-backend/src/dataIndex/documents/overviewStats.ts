import type { WorkflowRunFigures } from '../types';

/**
 * One workflow's five aliased selections. `#` stands for the workflow's position in the
 * list: an integer is the only thing ever substituted into the text.
 *   $all  = scope                      (last run, any time)
 *   $runs = scope AND start >= since   (runs in the window)
 *   $ok   = $runs AND state COMPLETED
 *   $err  = $runs AND state ERROR
 */
const PER_WORKFLOW_SELECTIONS = [
  'w#_last:ProcessInstances(where:{and:[{processId:{equal:$w#}},$all]},orderBy:{start:DESC},pagination:{limit:1,offset:0}){id state start}',
  'w#_runs:CountProcessInstances(where:{and:[{processId:{equal:$w#}},$runs]})',
  'w#_ok:CountProcessInstances(where:{and:[{processId:{equal:$w#}},$ok]})',
  'w#_err:CountProcessInstances(where:{and:[{processId:{equal:$w#}},$err]})',
  'w#_done:ProcessInstances(where:{and:[{processId:{equal:$w#}},$ok]},orderBy:{end:DESC},pagination:{limit:$sample,offset:0}){start end}',
].join('\n');

const SHARED_DECLARATIONS =
  '$all:ProcessInstanceArgument!,$runs:ProcessInstanceArgument!,$ok:ProcessInstanceArgument!,$err:ProcessInstanceArgument!,$sample:Int!';

/**
 * The workflows overview needs, per workflow: the last run, the runs since a
 * date, how many completed or failed, and a sample of completed durations.
 * All of it for N workflows is ONE document of aliased sub-queries. Its text
 * depends only on N (aliases are `w<index>_…`, ids are variables `$w<index>`),
 * never on a workflow id or any other request value.
 *
 * `$scope` carries the permission filter (ownership for non-admins) so the
 * figures count only runs the caller may see.
 */
export function buildOverviewStatsDocument(workflowCount: number): string {
  // Compact on purpose: at 1000 workflows this is one request body, so the
  // shared parts of every filter travel once, as variables, and each workflow
  // adds only its id variable and five short aliased selections.
  if (!Number.isInteger(workflowCount) || workflowCount < 0) {
    throw new TypeError(
      `workflowCount must be a whole number, got ${workflowCount}`,
    );
  }
  const positions = Array.from({ length: workflowCount }, (_, i) => String(i));
  const declarations = [
    SHARED_DECLARATIONS,
    ...positions.map(i => '$w#:String!'.replace('#', i)),
  ].join(',');
  const selections = positions.map(i =>
    PER_WORKFLOW_SELECTIONS.replace(/#/g, i),
  );
  return `query OrchestratorOverviewStats(${declarations}){\n${selections.join(
    '\n',
  )}\n}\n`;
}

export function buildOverviewStatsVariables(options: {
  workflowIds: string[];
  since: string;
  sample: number;
  scope: Record<string, unknown>;
}): Record<string, unknown> {
  const runs = {
    and: [options.scope, { start: { greaterThanEqual: options.since } }],
  };
  const variables: Record<string, unknown> = {
    all: options.scope,
    runs,
    ok: { and: [runs, { state: { equal: 'COMPLETED' } }] },
    err: { and: [runs, { state: { equal: 'ERROR' } }] },
    sample: options.sample,
  };
  options.workflowIds.forEach((id, i) => {
    variables[`w${i}`] = id;
  });
  return variables;
}

type StatsAnswer = Record<string, unknown>;

function asCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function asList<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value.filter(Boolean) as T[]) : [];
}

/** Reads the aliased answer back into figures per workflow id. */
export function parseOverviewStats(
  workflowIds: string[],
  data: StatsAnswer | null | undefined,
): Map<string, WorkflowRunFigures> {
  const figures = new Map<string, WorkflowRunFigures>();
  workflowIds.forEach((id, i) => {
    const answer = data ?? {};
    const last = asList<WorkflowRunFigures['lastRun']>(answer[`w${i}_last`])[0];
    figures.set(id, {
      lastRun: last ?? undefined,
      runsSince: asCount(answer[`w${i}_runs`]),
      completedSince: asCount(answer[`w${i}_ok`]),
      erroredSince: asCount(answer[`w${i}_err`]),
      completedSamples: asList(answer[`w${i}_done`]),
    });
  });
  return figures;
}
