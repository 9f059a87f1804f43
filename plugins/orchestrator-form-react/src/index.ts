/**
 * The Orchestrator run form: RJSF 5 on MUI v5, multi-step with review,
 * `ui:*` hints inside the JSON Schema, conditional fields.
 *
 * @packageDocumentation
 */
export { OrchestratorForm } from './components/OrchestratorForm';
export type { OrchestratorFormProps, AuthToken } from './types';
export { generateUiSchema, toRjsfSchema } from './schema/generateUiSchema';
export type { OrchestratorUiSchema } from './schema/generateUiSchema';
export { isMultiStepSchema, getSteps } from './schema/steps';
export type { FormStep } from './schema/steps';
export { applySchemaChunks } from './schema/applySchemaChunks';
export { evaluateHiddenCondition } from './hidden/evaluateHiddenCondition';
export type {
  HiddenCondition,
  HiddenConditionObject,
  HiddenConditionComposite,
} from './hidden/evaluateHiddenCondition';
export { pruneFormData } from './data/pruneFormData';
export { withEmptyObjects } from './data/withEmptyObjects';
export { generateReviewItems } from './review/generateReviewItems';
export type { ReviewOptions } from './review/generateReviewItems';
export { createTransformErrors } from './validation/readableErrors';
export { orchestratorFormTranslationRef } from './translation';
export type { OrchestratorFormTranslate } from './translation';
export { orchestratorFormTranslations } from './translations';
