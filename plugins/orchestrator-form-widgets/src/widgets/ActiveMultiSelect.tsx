import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import type { WidgetProps } from '@rjsf/utils';
import { useEffect } from 'react';
import { useFieldValidation } from '../hooks/useFieldValidation';
import { asStringArray } from '../selectors/selectors';
import { readFlag } from '../uiProps';
import { tryConvert, useWidgetBase, widgetMessages } from './useWidgetBase';

/** `mandatory` first, then the rest, each once. */
function withMandatory(mandatory: string[], chosen: string[]): string[] {
  return [...new Set([...mandatory, ...chosen])];
}

/**
 * Chips picked from fetched options (value `string[]`). Mandatory items are
 * always selected and cannot be removed; `ui:allowNewItems` lets the user
 * add items that are not among the options.
 */
export const ActiveMultiSelect = (props: WidgetProps) => {
  const { id, name, label, value, required, disabled, readonly, rawErrors } =
    props;
  const { onChange, onBlur, onFocus, uiSchema } = props;
  const base = useWidgetBase(props);
  const { fetchState, uiProps, isChangedByUser, markChangedByUser } = base;
  const validation = useFieldValidation({
    uiProps,
    formContext: base.formContext,
    fieldName: name,
    value,
  });
  const chosen: string[] = Array.isArray(value) ? value.map(String) : [];
  const { selected } = fetchState;
  const options = tryConvert(
    () => asStringArray(selected.autocomplete, 'fetch:response:autocomplete'),
    [],
  );
  const mandatory = tryConvert(
    () => asStringArray(selected.mandatory, 'fetch:response:mandatory'),
    [],
  );
  const preselected = tryConvert(
    () =>
      asStringArray(
        selected.default ?? selected.value,
        'fetch:response:default',
      ),
    [],
  );
  const allowNewItems =
    readFlag(uiProps, 'ui:allowNewItems') ||
    uiSchema?.['ui:allowNewItems'] === true;

  useEffect(() => {
    if (fetchState.generation === 0) return;
    const base_ =
      isChangedByUser() || preselected.value.length === 0
        ? chosen
        : preselected.value;
    const next = withMandatory(mandatory.value, base_);
    if (JSON.stringify(next) !== JSON.stringify(chosen)) onChange(next);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetchState.generation]);

  const helperText = widgetMessages(
    [
      fetchState.error,
      options.error,
      mandatory.error,
      preselected.error,
      ...validation.messages,
    ],
    rawErrors,
  );
  return (
    <Autocomplete
      id={id}
      multiple
      freeSolo={allowNewItems}
      options={options.value}
      value={chosen}
      disabled={disabled || readonly}
      filterSelectedOptions
      onChange={(_, next) => {
        markChangedByUser();
        onChange(withMandatory(mandatory.value, next.map(String)));
      }}
      onBlur={() => {
        validation.validateNow();
        onBlur(id, value);
      }}
      onFocus={() => onFocus(id, value)}
      renderTags={(items, getTagProps) =>
        items.map((item, index) => {
          const { key, onDelete, ...tagProps } = getTagProps({ index });
          const fixed = mandatory.value.includes(item);
          return (
            <Chip
              key={key}
              label={item}
              {...tagProps}
              onDelete={fixed ? undefined : onDelete}
            />
          );
        })
      }
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          required={required && chosen.length === 0}
          error={!!helperText || (rawErrors?.length ?? 0) > 0}
          helperText={helperText}
        />
      )}
    />
  );
};
