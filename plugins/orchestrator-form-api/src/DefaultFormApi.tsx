import {
  FormDecoratorProps,
  OrchestratorFormApi,
  OrchestratorFormContextProps,
  OrchestratorFormDecorator,
} from './api';
import { ComponentType } from 'react';

/**
 * The form API used when no plugin registers one: the plain form, no extra
 * widgets, the built-in review step.
 * @public
 */
export class DefaultFormApi implements OrchestratorFormApi {
  getFormDecorator(): OrchestratorFormDecorator {
    return (FormComponent: ComponentType<FormDecoratorProps>) => {
      const Undecorated = (_: OrchestratorFormContextProps) => (
        <FormComponent {...({} as FormDecoratorProps)} />
      );
      return Undecorated;
    };
  }

  getReviewComponent() {
    return undefined;
  }
}
