import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JsonObject } from '@backstage/types';
import { useApiHolder } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import get from 'lodash/get';
import isEqual from 'lodash/isEqual';
import { getDefaultFormState, type ErrorSchema } from '@rjsf/utils';
import type { JSONSchema7 } from 'json-schema';
import type {
  AuthTokenDescriptor,
  FormDecoratorProps,
  OrchestratorFormContextProps,
  SchemaChunksResponse,
} from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import type { OrchestratorFormProps } from '../types';
import { generateUiSchema, toRjsfSchema } from '../schema/generateUiSchema';
import { applySchemaChunks } from '../schema/applySchemaChunks';
import { FormStep, getSteps, isMultiStepSchema } from '../schema/steps';
import { pageSchema } from '../schema/pageSchema';
import { hasVisibleField } from '../hidden/isFieldHidden';
import { withEmptyObjects } from '../data/withEmptyObjects';
import { pruneFormData } from '../data/pruneFormData';
import { formValidator } from '../validation/validator';
import { validateFormData } from '../validation/validateFormData';
import { liveErrors, liveFields } from '../validation/liveValidation';
import { placeErrorsAtFields } from '../validation/errorPaths';
import {
  dropErrorsOfChangedFields,
  hasErrors,
  mergeErrorSchemas,
} from '../validation/errorSchemas';
import { acquireAuthTokens } from '../auth/acquireAuthTokens';
import { collectAuthTokenDescriptors } from '../auth/collectAuthTokenDescriptors';
import { useFetchTracker } from './useFetchTracker';
import { orchestratorFormTranslationRef } from '../translation';

type Errors = ErrorSchema<JsonObject>;
export const REVIEW = '__review__';
/** The key of the only page of a single-step form. */
export const SINGLE = '__single__';

/** One page of the form: a step (or the whole single-step form). */
export type FormPage = FormStep & { rjsfSchema: JSONSchema7 };

type Validators = Pick<FormDecoratorProps, 'customValidate' | 'getExtraErrors'>;

function withDefaults(schema: JSONSchema7, data: JsonObject): JsonObject {
  const filled = getDefaultFormState<any, any, any>(
    formValidator,
    schema,
    data,
    schema,
  );
  return withEmptyObjects(schema, (filled ?? {}) as JsonObject);
}

function firstPageWithErrors(pages: FormPage[], errors: Errors | undefined) {
  return pages.find(page =>
    page.key === SINGLE
      ? hasErrors(errors)
      : hasErrors((errors as any)?.[page.key]),
  )?.key;
}

/** State and actions of the run form; components only render them. */
export function useFormController(props: OrchestratorFormProps) {
  const apis = useApiHolder();
  const { t } = useTranslationRef(orchestratorFormTranslationRef);
  const [liveSchema, setLiveSchema] = useState<JSONSchema7>(props.schema);
  useEffect(() => setLiveSchema(props.schema), [props.schema]);
  const rjsfSchema = useMemo(() => toRjsfSchema(liveSchema), [liveSchema]);
  const uiSchema = useMemo(() => generateUiSchema(liveSchema), [liveSchema]);
  const multiStep = useMemo(() => isMultiStepSchema(rjsfSchema), [rjsfSchema]);

  const [formData, setFormDataState] = useState<JsonObject>(() =>
    withDefaults(toRjsfSchema(props.schema), props.initialFormData ?? {}),
  );
  // Defaults of fields an updated schema adds; existing values are kept.
  useEffect(
    () => setFormDataState(data => withDefaults(rjsfSchema, data)),
    [rjsfSchema],
  );

  const [serverErrors, setServerErrors] = useState<Errors | undefined>();
  const [validationErrors, setValidationErrors] = useState<
    Errors | undefined
  >();
  const [activeKey, setActiveKey] = useState<string | undefined>();
  const [validating, setValidating] = useState(false);
  const [runError, setRunError] = useState<string | undefined>();
  const fetches = useFetchTracker();

  const allPages: FormPage[] = useMemo(
    () =>
      multiStep
        ? getSteps(rjsfSchema, uiSchema['ui:order']).map(step => ({
            ...step,
            rjsfSchema: pageSchema(rjsfSchema, step),
          }))
        : [
            {
              key: SINGLE,
              title: rjsfSchema.title ?? t('step.defaultTitle'),
              schema: rjsfSchema,
              rjsfSchema,
            },
          ],
    [multiStep, rjsfSchema, uiSchema, t],
  );
  // Re-evaluated on every change: a step whose fields are all hidden now is skipped.
  const pages = allPages.filter(
    page =>
      page.key === SINGLE ||
      hasVisibleField(
        page.schema,
        uiSchema[page.key] as any,
        formData,
        rjsfSchema,
      ),
  );
  const current = resolveActive(activeKey, allPages, pages);
  const page = pages.find(p => p.key === current);

  // `ui:validateOn`: the fields whose errors show before Next, once changed or left.
  const live = useMemo(() => liveFields(uiSchema), [uiSchema]);
  const liveRef = useRef(live);
  liveRef.current = live;
  const [liveShown, setLiveShown] = useState<string[]>([]);
  const showLive = useCallback((ids: string[]) => {
    if (ids.length === 0) return;
    setLiveShown(shown =>
      ids.every(id => shown.includes(id)) ? shown : [...shown, ...ids],
    );
  }, []);
  const handleBlur = useCallback(
    (id: string) =>
      showLive(
        liveRef.current
          .filter(field => field.on === 'onBlur' && field.id === id)
          .map(field => field.id),
      ),
    [showLive],
  );

  const formDataRef = useRef(formData);
  formDataRef.current = formData;
  const setFormData = useCallback(
    (next: JsonObject) => {
      const before = formDataRef.current;
      showLive(
        liveRef.current
          .filter(
            field =>
              field.on === 'onChange' &&
              !isEqual(get(before, field.path), get(next, field.path)),
          )
          .map(field => field.id),
      );
      setServerErrors(errors =>
        dropErrorsOfChangedFields(errors, before, next),
      );
      setValidationErrors(errors =>
        dropErrorsOfChangedFields(errors, before, next),
      );
      formDataRef.current = next;
      setFormDataState(next);
    },
    [showLive],
  );

  const pagesRef = useRef(pages);
  pagesRef.current = pages;
  const placeRef = useRef({ rjsfSchema, uiSchema });
  placeRef.current = { rjsfSchema, uiSchema };
  useEffect(() => {
    const { rjsfSchema: schema, uiSchema: ui } = placeRef.current;
    const errors = placeErrorsAtFields(props.extraErrors, schema, ui);
    setServerErrors(errors);
    if (errors) {
      setActiveKey(key => firstPageWithErrors(pagesRef.current, errors) ?? key);
    }
  }, [props.extraErrors]);

  const descriptorsRef = useRef(new Map<string, AuthTokenDescriptor[]>());
  const setAuthTokenDescriptors = useCallback(
    (id: string, list: AuthTokenDescriptor[]) => {
      descriptorsRef.current.set(id, list);
    },
    [],
  );
  const changedRef = useRef(new Map<string, boolean>());
  const getIsChangedByUser = useCallback(
    (id: string) => !!changedRef.current.get(id),
    [],
  );
  const setIsChangedByUser = useCallback((id: string, changed: boolean) => {
    changedRef.current.set(id, changed);
  }, []);
  const updateSchema = useCallback((chunks: SchemaChunksResponse) => {
    setLiveSchema(schema => applySchemaChunks(schema, chunks));
  }, []);

  const validatorsRef = useRef<Validators>({});
  const liveValidationErrors = useMemo(
    () =>
      page &&
      liveErrors({
        schema: page.rjsfSchema,
        uiSchema,
        formData,
        paths: live
          .filter(field => liveShown.includes(field.id))
          .map(field => field.path),
        customValidate: validatorsRef.current.customValidate,
        t,
      }),
    [page, uiSchema, formData, live, liveShown, t],
  );
  const goTo = (key: string | undefined) => key && setActiveKey(key);
  const next = (key: string) => {
    const index = pages.findIndex(p => p.key === key);
    return pages[index + 1]?.key ?? REVIEW;
  };

  const handleNext = async () => {
    if (!page || validating) return;
    setValidating(true);
    try {
      const errors = await validateFormData({
        schema: page.rjsfSchema,
        uiSchema,
        formData,
        ...validatorsRef.current,
        t,
      });
      setValidationErrors(errors);
      if (!errors) goTo(next(page.key));
    } finally {
      setValidating(false);
    }
  };

  const handleBack = () => {
    const index =
      current === REVIEW
        ? pages.length
        : pages.findIndex(p => p.key === current);
    goTo(pages[Math.max(index - 1, 0)]?.key);
  };

  const [acquiring, setAcquiring] = useState(false);
  const blockedReason = props.disabledReason ?? fetches.blockedReason;
  const busy = props.isExecuting || acquiring || validating || !!blockedReason;

  const handleExecute = async () => {
    if (busy) return;
    setRunError(undefined);
    setValidating(true);
    let errors: Errors | undefined;
    try {
      errors = await validateFormData({
        schema: rjsfSchema,
        uiSchema,
        formData,
        ...validatorsRef.current,
        t,
      });
    } finally {
      setValidating(false);
    }
    if (errors) {
      setValidationErrors(errors);
      const target = firstPageWithErrors(pages, errors);
      if (target) goTo(target);
      else setRunError(t('run.invalidValues'));
      return;
    }
    setAcquiring(true);
    let tokens;
    try {
      const registered = [...descriptorsRef.current.values()].flat();
      tokens = await acquireAuthTokens(
        [...collectAuthTokenDescriptors(uiSchema), ...registered],
        apis,
        t,
      );
    } catch (error) {
      setRunError((error as Error).message);
      return;
    } finally {
      setAcquiring(false);
    }
    props.handleExecute(
      pruneFormData(rjsfSchema, withEmptyObjects(rjsfSchema, formData)),
      tokens,
    );
  };

  const handleExecuteRef = useRef(handleExecute);
  handleExecuteRef.current = handleExecute;
  const handleNextRef = useRef(handleNext);
  handleNextRef.current = handleNext;
  const onReview = current === REVIEW;
  const onSubmit = useCallback(
    (data: JsonObject) => {
      setFormData(data);
      // The action of the page the user is on, with the data just given.
      setTimeout(
        () => (onReview ? handleExecuteRef : handleNextRef).current(),
        0,
      );
    },
    [setFormData, onReview],
  );

  const contextProps: OrchestratorFormContextProps = useMemo(
    () => ({
      schema: liveSchema,
      updateSchema,
      numStepsInMultiStepSchema: multiStep ? allPages.length : undefined,
      uiSchema,
      formData,
      setFormData,
      onSubmit,
      setAuthTokenDescriptors,
      getIsChangedByUser,
      setIsChangedByUser,
      handleFetchStarted: fetches.handleFetchStarted,
      handleFetchEnded: fetches.handleFetchEnded,
      readonly: props.isExecuting,
    }),
    [
      liveSchema,
      updateSchema,
      multiStep,
      allPages.length,
      uiSchema,
      formData,
      setFormData,
      onSubmit,
      setAuthTokenDescriptors,
      getIsChangedByUser,
      setIsChangedByUser,
      fetches.handleFetchStarted,
      fetches.handleFetchEnded,
      props.isExecuting,
    ],
  );

  return {
    liveSchema,
    rjsfSchema,
    uiSchema,
    multiStep,
    pages,
    current,
    page,
    formData,
    setFormData,
    errors: mergeErrorSchemas(
      serverErrors,
      validationErrors,
      liveValidationErrors,
    ),
    validatorsRef,
    handleNext,
    handleBack,
    handleBlur,
    handleExecute,
    busy,
    blockedReason,
    validating,
    acquiring,
    isExecuting: props.isExecuting,
    pendingFetches: fetches.pending,
    runError,
    contextProps,
  };
}

function resolveActive(
  activeKey: string | undefined,
  all: FormPage[],
  visible: FormPage[],
) {
  if (activeKey === REVIEW) return REVIEW;
  if (activeKey === undefined) return visible[0]?.key ?? REVIEW;
  if (visible.some(p => p.key === activeKey)) return activeKey;
  // The active step just became hidden: move on to the next visible one.
  const index = all.findIndex(p => p.key === activeKey);
  return all.slice(index + 1).find(p => visible.includes(p))?.key ?? REVIEW;
}

export type FormController = ReturnType<typeof useFormController>;
