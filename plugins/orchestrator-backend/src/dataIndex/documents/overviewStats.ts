import type { WorkflowRunFigures } from '../types';

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
  //   $all  = scope                      (last run, any time)
  //   $runs = scope AND start >= since   (runs in the window)
  //   $ok   = $runs AND state COMPLETED
  //   $err  = $runs AND state ERROR
  const declarations = [
    '$all:ProcessInstanceArgument!',
    '$runs:ProcessInstanceArgument!',
    '$ok:ProcessInstanceArgument!',
    '$err:ProcessInstanceArgument!',
    '$sample:Int!',
  ];
  const selections: string[] = [];
  for (let i = 0; i < workflowCount; i++) {
    declarations.push(`$w${i}:String!`);
    const of = (shared: string) =>
      `{and:[{processId:{equal:$w${i}}},${shared}]}`;
    selections.push(
      `w${i}_last:ProcessInstances(where:${of(
        '$all',
      )},orderBy:{start:DESC},pagination:{limit:1,offset:0}){id state start}`,
      `w${i}_runs:CountProcessInstances(where:${of('$runs')})`,
      `w${i}_ok:CountProcessInstances(where:${of('$ok')})`,
      `w${i}_err:CountProcessInstances(where:${of('$err')})`,
      `w${i}_done:ProcessInstances(where:${of(
        '$ok',
      )},orderBy:{end:DESC},pagination:{limit:$sample,offset:0}){start end}`,
    );
  }
  return `query OrchestratorOverviewStats(${declarations.join(
    ',',
  )}){\n${selections.join('\n')}\n}\n`;
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
