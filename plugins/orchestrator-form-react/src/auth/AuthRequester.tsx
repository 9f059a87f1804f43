import { useEffect } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import type { OrchestratorFormContextProps } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { descriptorsOf } from './collectAuthTokenDescriptors';

/**
 * The virtual `AuthRequester` widget: it shows nothing and never sets a
 * value; it tells the form which provider tokens Run must acquire. Tokens
 * go to the start request's `authTokens`, never into form data.
 */
export const AuthRequester = ({ id, uiSchema, registry }: WidgetProps) => {
  const context = registry.formContext as
    | OrchestratorFormContextProps
    | undefined;
  const uiProps = uiSchema?.['ui:props'];
  const serialized = JSON.stringify(descriptorsOf(uiProps));
  const setDescriptors = context?.setAuthTokenDescriptors;
  useEffect(() => {
    setDescriptors?.(id, JSON.parse(serialized));
  }, [id, serialized, setDescriptors]);
  return null;
};
