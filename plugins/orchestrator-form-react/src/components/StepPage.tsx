import { useMemo } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorFormTranslationRef } from '../translation';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { Form, Templates } from '@rjsf/mui';
import type { IChangeEvent } from '@rjsf/core';
import type { JsonObject } from '@backstage/types';
import type { FormDecoratorProps } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { formValidator } from '../validation/validator';
import { AuthRequester } from '../auth/AuthRequester';
import { withFieldsKeepingChanges } from '../fields/withFieldsKeepingChanges';
import { withHiddenCondition } from './HiddenFieldTemplate';
import { useFormInternals } from './FormInternals';
import { SINGLE } from './useFormController';

/** One page of the form (a step, or the whole single-step form) with its navigation. */
export const StepPage = ({ injected }: { injected: FormDecoratorProps }) => {
  const { controller } = useFormInternals();
  const { page, pages, formData, errors, contextProps } = controller;
  const { t } = useTranslationRef(orchestratorFormTranslationRef);

  const widgets = useMemo(
    () => ({ AuthRequester, ...injected.widgets }),
    [injected.widgets],
  );
  const BaseFieldTemplate =
    injected.templates?.FieldTemplate ?? Templates.FieldTemplate!;
  const templates = useMemo(
    () => ({
      ...injected.templates,
      FieldTemplate: withHiddenCondition(BaseFieldTemplate),
    }),
    [injected.templates, BaseFieldTemplate],
  );
  const fields = useMemo(
    () => withFieldsKeepingChanges(injected.fields as any),
    [injected.fields],
  );
  const formContext = useMemo(
    () => ({ ...contextProps, ...injected.formContext }),
    [contextProps, injected.formContext],
  );
  const uiSchema = useMemo(() => {
    if (!page || page.key === SINGLE) return controller.uiSchema;
    return { [page.key]: controller.uiSchema[page.key] ?? {} };
  }, [page, controller.uiSchema]);

  if (!page) return null;
  const isFirst = pages[0]?.key === page.key;
  const isLast = pages[pages.length - 1]?.key === page.key;
  const onChange = (event: IChangeEvent<JsonObject>) => {
    controller.setFormData(event.formData ?? {});
    injected.onChange?.(event);
  };
  return (
    <Form
      schema={page.rjsfSchema}
      uiSchema={uiSchema as any}
      formData={formData}
      onChange={onChange}
      onSubmit={() => controller.handleNext()}
      onBlur={controller.handleBlur}
      validator={formValidator}
      widgets={widgets}
      fields={fields}
      templates={templates as any}
      formContext={formContext}
      extraErrors={errors as any}
      disabled={controller.isExecuting}
      // Next validates through validateFormData (schema, customValidate, remote checks) once.
      noValidate
      noHtml5Validate
      showErrorList={false}
    >
      <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
        {!isFirst && (
          <Button
            onClick={controller.handleBack}
            data-testid="orchestrator-form-back"
          >
            {t('step.back')}
          </Button>
        )}
        <Button
          type="submit"
          variant="contained"
          disabled={controller.validating}
          data-testid="orchestrator-form-next"
          startIcon={
            controller.validating ? <CircularProgress size={16} /> : undefined
          }
        >
          {isLast ? t('step.review') : t('step.next')}
        </Button>
      </Box>
    </Form>
  );
};
