import { JsonObject } from '@backstage/types';
import type { ErrorSchema } from '@rjsf/utils';
import type { JSONSchema7 } from 'json-schema';

/**
 * A provider token acquired for the run, as the start request's `authTokens`
 * carries it.
 * @public
 */
export type AuthToken = { provider: string; token: string };

/**
 * Props of {@link OrchestratorForm}.
 * @public
 */
export type OrchestratorFormProps = {
  /** The workflow's resolved input schema, `ui:*` hints inside it. */
  schema: JSONSchema7;
  /** Prefill (previous run, query parameters, target entity), whole-form shape. */
  initialFormData?: JsonObject;
  /**
   * Field errors from the server's 400, whole-form shape; each lands at its
   * field and a multi-step form jumps to the first step holding one.
   */
  extraErrors?: ErrorSchema<JsonObject>;
  /** True while the start request is under way. */
  isExecuting: boolean;
  /** When set, Run is disabled and this says why (no permission, service down). */
  disabledReason?: string;
  /**
   * Called on Run with the data pruned to the live schema and the tokens the
   * form's fields asked for.
   */
  handleExecute: (formData: JsonObject, authTokens: AuthToken[]) => void;
};
