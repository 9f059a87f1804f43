import { ComponentType } from 'react';
import { createApiRef } from '@backstage/core-plugin-api';
import { JsonObject } from '@backstage/types';
import type {
  CustomValidator,
  ErrorSchema,
  FormContextType,
  RegistryFieldsType,
  RegistryWidgetsType,
  TemplatesType,
  UiSchema,
} from '@rjsf/utils';
import type { JSONSchema7 } from 'json-schema';

/**
 * Replacements for parts of the live schema, keyed by the property name they
 * replace wherever it occurs (what a `SchemaUpdater` widget fetches).
 * @public
 */
export type SchemaChunksResponse = { [placeholderId: string]: JsonObject };

/**
 * A provider token the run needs, acquired through a Backstage auth API and
 * sent as the start request's `authTokens` (never as form data).
 * @public
 */
export type AuthTokenDescriptor = {
  /** `github`, `gitlab`, `microsoft`, `google`, `atlassian`, `bitbucket`, ... or a custom api ref id. */
  provider: string;
  /** `oauth` (access token, the default) or `openId` (id token). */
  tokenType?: 'oauth' | 'openId';
  scope?: string | string[];
};

/**
 * What the run form hands to a decorator, and to every widget as RJSF's
 * `formContext`.
 * @public
 */
export type OrchestratorFormContextProps = {
  /** The whole live schema (after `updateSchema`), `ui:*` hints included, in every step. */
  schema: JSONSchema7;
  /** Replaces properties of the live schema; see {@link SchemaChunksResponse}. */
  updateSchema: (chunks: SchemaChunksResponse) => void;
  /** Number of steps when the form is multi-step; undefined otherwise. */
  numStepsInMultiStepSchema?: number;
  uiSchema: UiSchema<JsonObject, JSONSchema7>;
  /** The whole form's data, not only the current step's. */
  formData: JsonObject;
  setFormData: (data: JsonObject) => void;
  /** Called with the final data when the user presses Next or Run. */
  onSubmit: (data: JsonObject) => void;
  /** Tokens the run will need; merged by the form and acquired on Run. */
  setAuthTokenDescriptors: (
    id: string,
    descriptors: AuthTokenDescriptor[],
  ) => void;
  /** Whether the user typed into the field, so a fetched default must not overwrite it. */
  getIsChangedByUser: (fieldId: string) => boolean;
  setIsChangedByUser: (fieldId: string, changed: boolean) => void;
  /** Widgets bracket each fetch with these; Run waits while any is pending. */
  handleFetchStarted: (fieldId: string) => void;
  handleFetchEnded: (
    fieldId: string,
    outcome?: { error?: string; required?: boolean },
  ) => void;
  /** True while the run is starting: widgets must not change values. */
  readonly?: boolean;
  /** Data-only context a decorator may add. */
  [key: string]: unknown;
};

/**
 * Extra errors produced asynchronously (remote validation), in RJSF's
 * `ErrorSchema` shape, for the given data; undefined when there are none.
 * @public
 */
export type GetExtraErrors = (
  formData: JsonObject,
  uiSchema: UiSchema<JsonObject, JSONSchema7>,
) => Promise<ErrorSchema<JsonObject> | undefined>;

/**
 * What a decorator may inject into the RJSF form.
 * @public
 */
export type FormDecoratorProps = {
  formData?: JsonObject;
  formContext?: FormContextType;
  /** Called after the form's own change handling, with the whole form's data. */
  onChange?: (event: { formData?: JsonObject }) => void;
  widgets?: RegistryWidgetsType<JsonObject, JSONSchema7, any>;
  /**
   * Names of the `ui:widget`s that show something but hold no value (text,
   * a fetch that updates the schema): the review step leaves out their
   * fields while they have no value, instead of listing them as empty.
   */
  displayOnlyWidgets?: string[];
  fields?: RegistryFieldsType<JsonObject, JSONSchema7, any>;
  templates?: Partial<TemplatesType<JsonObject, JSONSchema7, any>>;
  customValidate?: CustomValidator<JsonObject, JSONSchema7, any>;
  getExtraErrors?: GetExtraErrors;
};

/**
 * Wraps the run form: receives the form component, returns the component the
 * run page renders with the form's context.
 * @public
 */
export type OrchestratorFormDecorator = (
  FormComponent: ComponentType<FormDecoratorProps>,
) => ComponentType<OrchestratorFormContextProps>;

/**
 * One row of the review step: a field's title, its value and where it sits.
 * @public
 */
export type ReviewItem = {
  /** JSON pointer of the value in the form data, e.g. `/step1/name`. */
  path: string;
  title: string;
  /** Absent for a group (an object holding nested items). */
  value?: unknown;
  hidden: boolean;
  children?: ReviewItem[];
};

/**
 * Props of a replacement review step.
 * @public
 */
export type ReviewComponentProps = {
  schema: JSONSchema7;
  uiSchema: UiSchema<JsonObject, JSONSchema7>;
  formData: JsonObject;
  items: ReviewItem[];
  /** True while the run is starting or widgets still fetch: disable Run. */
  busy: boolean;
  handleBack: () => void;
  handleExecute: () => void;
};

/**
 * The run form's extension point: register an implementation under
 * {@link orchestratorFormApiRef} to add widgets or replace the review step.
 * @public
 */
export interface OrchestratorFormApi {
  getFormDecorator(): OrchestratorFormDecorator;
  getReviewComponent?(): ComponentType<ReviewComponentProps> | undefined;
}

/**
 * Id `plugin.orchestrator.form`, as upstream's, so a widgets plugin written
 * for either suite registers here.
 * @public
 */
export const orchestratorFormApiRef = createApiRef<OrchestratorFormApi>({
  id: 'plugin.orchestrator.form',
});
