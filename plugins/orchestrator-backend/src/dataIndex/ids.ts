import { InputError } from '@backstage/errors';

/**
 * Workflow ids follow the Serverless Workflow `id` rules SonataFlow accepts
 * (letters, digits, `-`, `_`, `.`); instance ids are UUIDs in SonataFlow but we
 * accept any short token of the same alphabet. Ids travel as GraphQL variables
 * anyway; checking them here turns nonsense into a 400 instead of a 404.
 */
const WORKFLOW_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;
const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
/** Fewer characters would match too many runs to narrow a search down. */
const INSTANCE_ID_PREFIX = /^[A-Za-z0-9][A-Za-z0-9_.:-]{3,127}$/;

export function isValidWorkflowId(id: unknown): id is string {
  return typeof id === 'string' && WORKFLOW_ID.test(id);
}

export function isValidInstanceId(id: unknown): id is string {
  return typeof id === 'string' && INSTANCE_ID.test(id);
}

/** The search text when it can be the start of an instance id: one token of the id alphabet, 4 characters or more. */
export function instanceIdPrefixOf(search: unknown): string | undefined {
  if (typeof search !== 'string') return undefined;
  const text = search.trim();
  return INSTANCE_ID_PREFIX.test(text) ? text : undefined;
}

export function assertWorkflowId(id: unknown): string {
  if (!isValidWorkflowId(id)) {
    throw new InputError('Invalid workflow id');
  }
  return id;
}

export function assertInstanceId(id: unknown): string {
  if (!isValidInstanceId(id)) {
    throw new InputError('Invalid instance id');
  }
  return id;
}
