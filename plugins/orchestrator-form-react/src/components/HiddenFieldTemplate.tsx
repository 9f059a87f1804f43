import { ComponentType } from 'react';
import type { FieldTemplateProps } from '@rjsf/utils';
import type { OrchestratorFormContextProps } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { isFieldHidden } from '../hidden/isFieldHidden';

/**
 * Wraps a FieldTemplate so `ui:hidden` (boolean or condition on the whole
 * form's data) and virtual widgets hide the field. The field stays mounted
 * inside a hidden box: its data is kept and its widget keeps working.
 */
type Template = ComponentType<FieldTemplateProps<any, any, any>>;
// One wrapper per base template: a new wrapper identity would re-mount every field.
const wrappers = new WeakMap<Template, Template>();

export function withHiddenCondition(Base: Template): Template {
  const known = wrappers.get(Base);
  if (known) return known;
  const HiddenAwareFieldTemplate = (
    props: FieldTemplateProps<any, any, any>,
  ) => {
    const context = props.registry.formContext as
      | OrchestratorFormContextProps
      | undefined;
    if (
      isFieldHidden(
        props.uiSchema as Record<string, unknown>,
        context?.formData,
      )
    ) {
      return (
        <div
          style={{ display: 'none' }}
          data-testid={`hidden-field-${props.id}`}
        >
          {props.children}
        </div>
      );
    }
    return <Base {...props} />;
  };
  wrappers.set(Base, HiddenAwareFieldTemplate);
  return HiddenAwareFieldTemplate;
}
