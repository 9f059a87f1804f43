/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import type {
  WorkflowOptionGroupDTO,
  WorkflowOptionsDTO,
  WorkflowResultDTO,
} from '../openapi/dtos';
import { WORKFLOW_OPTION_GROUPS } from './workflowResultSchema';

/** Where a suggested workflow came from. @public */
export type NextWorkflowSource =
  | 'nextWorkflows'
  | (typeof WORKFLOW_OPTION_GROUPS)[number];

/** A workflow the run suggests launching next, ready to render as a link. @public */
export interface NextWorkflow {
  id: string;
  name: string;
  source: NextWorkflowSource;
  /** Heading to show the suggestion under */
  groupLabel: string;
}

const GROUP_LABELS: Record<NextWorkflowSource, string> = {
  nextWorkflows: 'Suggested next workflows',
  currentVersion: 'Current version',
  upgradeOptions: 'Upgrade options',
  migrateOptions: 'Migration options',
  migrationOptions: 'Migration options',
  newOptions: 'New options',
  continuationOptions: 'Continuation options',
  otherOptions: 'Other options',
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The WorkflowResult of a run's `workflowdata`, or undefined when it reports none. Legacy
 * assessment workflows put `workflowOptions` next to `result` (or instead of it); those are
 * moved into the returned result.
 * @public
 */
export function getWorkflowResult(
  workflowdata: unknown,
): WorkflowResultDTO | undefined {
  if (!isObject(workflowdata)) return undefined;
  const result = isObject(workflowdata.result)
    ? (workflowdata.result as WorkflowResultDTO)
    : undefined;
  const legacyOptions = isObject(workflowdata.workflowOptions)
    ? (workflowdata.workflowOptions as WorkflowOptionsDTO)
    : undefined;
  if (!legacyOptions || result?.workflowOptions) return result;
  return { ...result, workflowOptions: legacyOptions };
}

function optionsOf(group: WorkflowOptionGroupDTO | undefined) {
  const options = Array.isArray(group) ? group : [group];
  return options.filter(
    (option): option is { id: string; name?: string } =>
      isObject(option) && typeof option.id === 'string' && option.id !== '',
  );
}

/**
 * Every launchable suggestion of a result: `nextWorkflows` first (in their priority order),
 * then the legacy `workflowOptions` groups in display order. A workflow is listed once, under
 * its first group; empty placeholders are skipped.
 * @public
 */
export function getNextWorkflows(
  result: WorkflowResultDTO | undefined,
): NextWorkflow[] {
  if (!result) return [];
  const groups: Array<
    [NextWorkflowSource, WorkflowOptionGroupDTO | undefined]
  > = [
    ['nextWorkflows', result.nextWorkflows],
    ...WORKFLOW_OPTION_GROUPS.map(
      group =>
        [group, result.workflowOptions?.[group]] as [
          NextWorkflowSource,
          WorkflowOptionGroupDTO | undefined,
        ],
    ),
  ];
  const seen = new Set<string>();
  const suggestions: NextWorkflow[] = [];
  for (const [source, group] of groups) {
    for (const option of optionsOf(group)) {
      if (seen.has(option.id)) continue;
      seen.add(option.id);
      suggestions.push({
        id: option.id,
        name: option.name || option.id,
        source,
        groupLabel: GROUP_LABELS[source],
      });
    }
  }
  return suggestions;
}
