import { createContext, useContext } from 'react';
import type { ComponentType } from 'react';
import type { ReviewComponentProps } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import type { FormController } from './useFormController';

/**
 * What the form body needs from the form: the decorator renders the body
 * as a component of its own, so the body cannot take these as props.
 */
export type FormInternals = {
  controller: FormController;
  ReviewComponent?: ComponentType<ReviewComponentProps>;
};

export const FormInternalsContext = createContext<FormInternals | undefined>(
  undefined,
);

export function useFormInternals(): FormInternals {
  const internals = useContext(FormInternalsContext);
  if (!internals)
    throw new Error('The form body must be rendered by OrchestratorForm');
  return internals;
}
