import type {
  FormDecoratorProps,
  GetExtraErrors,
  OrchestratorFormContextProps,
  OrchestratorFormDecorator,
} from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { ComponentType, useCallback, useRef } from 'react';
import { useWidgetServices } from './hooks/useWidgetServices';
import { collectRemoteErrors } from './validation/collectRemoteErrors';
import { orchestratorWidgets } from './widgets';

// They show text or fetch schema chunks; the review leaves their fields out.
const displayOnlyWidgets = ['ActiveText', 'SchemaUpdater'];

/**
 * Injects the widgets, hands the form context on to them, and runs every
 * field's `validate:*` request when the user presses Next or Run.
 */
export const formWidgetsDecorator: OrchestratorFormDecorator = (
  FormComponent: ComponentType<FormDecoratorProps>,
) => {
  const WithFormWidgets = (context: OrchestratorFormContextProps) => {
    const services = useWidgetServices();
    // getExtraErrors stays one function; templates read the latest data.
    const contextRef = useRef(context);
    contextRef.current = context;
    const getExtraErrors = useCallback<GetExtraErrors>(
      async (formData, uiSchema) => {
        if (!services) return undefined;
        return collectRemoteErrors({
          requester: services.requester,
          formData,
          uiSchema,
          wholeFormData: contextRef.current.formData,
        });
      },
      [services],
    );
    return (
      <FormComponent
        widgets={orchestratorWidgets}
        displayOnlyWidgets={displayOnlyWidgets}
        formContext={context}
        getExtraErrors={getExtraErrors}
      />
    );
  };
  return WithFormWidgets;
};
