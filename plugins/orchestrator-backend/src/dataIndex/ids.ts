import { InputError } from '@backstage/errors';

/**
 * Workflow ids follow the Serverless Workflow `id` rules SonataFlow accepts
 * (letters, digits, `-`, `_`, `.`); instance ids are UUIDs in SonataFlow but we
 * accept any short token of the same alphabet. Ids travel as GraphQL variables
 * anyway; checking them here turns nonsense into a 400 instead of a 404.
 */
const WORKFLOW_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;
const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export function isValidWorkflowId(id: unknown): id is string {
  return typeof id === 'string' && WORKFLOW_ID.test(id);
}

export function isValidInstanceId(id: unknown): id is string {
  return typeof id === 'string' && INSTANCE_ID.test(id);
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
