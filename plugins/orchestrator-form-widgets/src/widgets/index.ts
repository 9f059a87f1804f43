import type { RegistryWidgetsType } from '@rjsf/utils';
import { ActiveBoolean } from './ActiveBoolean';
import { ActiveDropdown } from './ActiveDropdown';
import { ActiveMultiSelect } from './ActiveMultiSelect';
import { ActiveText } from './ActiveText';
import { ActiveTextInput } from './ActiveTextInput';
import { SchemaUpdater } from './SchemaUpdater';

/** The widgets, under the `ui:widget` names workflow schemas use. */
export const orchestratorWidgets: RegistryWidgetsType = {
  ActiveTextInput,
  ActiveDropdown,
  ActiveMultiSelect,
  ActiveText,
  ActiveBoolean,
  SchemaUpdater,
};

export {
  ActiveBoolean,
  ActiveDropdown,
  ActiveMultiSelect,
  ActiveText,
  ActiveTextInput,
  SchemaUpdater,
};
