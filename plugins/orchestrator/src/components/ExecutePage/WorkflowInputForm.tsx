import { ReactNode, useState } from 'react';
import { Form } from '@rjsf/material-ui';
import validator from '@rjsf/validator-ajv8';
import { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import { ErrorSchemaLike } from './prefill';

type Data = Record<string, unknown>;

/**
 * The plain RJSF form of an input schema (MUI v4 theme). Server field errors
 * arrive as `extraErrors` and show at their fields next to client ones.
 */
export const WorkflowInputForm = ({
  schema,
  initialData,
  extraErrors,
  disabled,
  onSubmit,
  children,
}: {
  schema: Data;
  initialData: Data;
  extraErrors?: ErrorSchemaLike;
  disabled?: boolean;
  onSubmit: (data: Data) => void;
  children: ReactNode;
}) => {
  const [formData, setFormData] = useState<Data>(initialData);
  return (
    <div data-testid="workflow-input-form">
      <Form
        schema={schema as RJSFSchema}
        validator={validator}
        formData={formData}
        onChange={e => setFormData(e.formData)}
        onSubmit={e => onSubmit((e.formData ?? {}) as Data)}
        extraErrors={extraErrors as ErrorSchema | undefined}
        disabled={disabled}
        noHtml5Validate
        showErrorList={false}
      >
        {children}
      </Form>
    </div>
  );
};
