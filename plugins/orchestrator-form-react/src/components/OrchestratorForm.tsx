import { useMemo } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import {
  DefaultFormApi,
  orchestratorFormApiRef,
} from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import type { OrchestratorFormProps } from '../types';
import { useFormController } from './useFormController';
import { FormInternalsContext } from './FormInternals';
import { FormBody } from './FormBody';

/**
 * The run form of a workflow: its input schema as an RJSF form on MUI v5,
 * one step per top-level object when the schema is made of objects, then a
 * review step with Run. Widgets plugins extend it through the form API.
 * @public
 */
export const OrchestratorForm = (props: OrchestratorFormProps) => {
  const apis = useApiHolder();
  // No factory of ours is registered, so a widgets plugin can register one.
  const api = useMemo(
    () => apis.get(orchestratorFormApiRef) ?? new DefaultFormApi(),
    [apis],
  );
  // Decorated once per API: a component created during render would
  // re-mount the form (and lose focus) on every keystroke.
  const Decorated = useMemo(() => api.getFormDecorator()(FormBody), [api]);
  const ReviewComponent = useMemo(() => api.getReviewComponent?.(), [api]);
  const controller = useFormController(props);
  const internals = useMemo(
    () => ({ controller, ReviewComponent }),
    [controller, ReviewComponent],
  );
  return (
    <FormInternalsContext.Provider value={internals}>
      <Decorated {...controller.contextProps} />
    </FormInternalsContext.Provider>
  );
};
