import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { WidgetProps } from '@rjsf/utils';
import { useEffect } from 'react';
import { useFieldValidation } from '../hooks/useFieldValidation';
import { asStringArray } from '../selectors/selectors';
import { tryConvert, useWidgetBase, widgetMessages } from './useWidgetBase';

type Item = { value: string; label: string };

/** Items from the parallel `fetch:response:value` / `fetch:response:label` lists. */
function toItems(values: unknown, labels: unknown): Item[] {
  const valueList = asStringArray(values, 'fetch:response:value');
  const labelList =
    labels === undefined
      ? valueList
      : asStringArray(labels, 'fetch:response:label');
  if (labelList.length !== valueList.length) {
    throw new Error(
      `fetch:response:label selected ${labelList.length} labels for ${valueList.length} values`,
    );
  }
  return valueList.map((value, i) => ({ value, label: labelList[i] }));
}

/** Select whose items are fetched; remote validation as ActiveTextInput. */
export const ActiveDropdown = (props: WidgetProps) => {
  const { id, name, label, value, required, disabled, readonly, rawErrors } =
    props;
  const { onChange, onBlur, onFocus } = props;
  const base = useWidgetBase(props);
  const { fetchState, isChangedByUser, markChangedByUser } = base;
  const validation = useFieldValidation({
    uiProps: base.uiProps,
    formContext: base.formContext,
    fieldName: name,
    value,
  });
  const items = tryConvert(
    () => toItems(fetchState.selected.value, fetchState.selected.label),
    [],
  );

  const fetchedDefault = fetchState.selected.default;
  useEffect(() => {
    if (fetchState.generation === 0 || isChangedByUser()) return;
    if (typeof fetchedDefault === 'string' && fetchedDefault !== value) {
      onChange(fetchedDefault);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetchState.generation]);

  const helperText = widgetMessages(
    [fetchState.error, items.error, ...validation.messages],
    rawErrors,
  );
  const selected = value === undefined || value === null ? '' : String(value);
  // A value the current items lack (a prefill, a stale choice) stays visible.
  const shown =
    selected && !items.value.some(i => i.value === selected)
      ? [...items.value, { value: selected, label: selected }]
      : items.value;
  return (
    <TextField
      id={id}
      select
      fullWidth
      label={label}
      required={required}
      disabled={disabled || readonly || fetchState.loading}
      value={selected}
      error={!!helperText || (rawErrors?.length ?? 0) > 0}
      helperText={helperText}
      onChange={e => {
        markChangedByUser();
        onChange(
          e.target.value === '' ? props.options.emptyValue : e.target.value,
        );
      }}
      onBlur={() => {
        validation.validateNow();
        onBlur(id, value);
      }}
      onFocus={() => onFocus(id, value)}
    >
      {shown.map(item => (
        <MenuItem key={item.value} value={item.value}>
          {item.label}
        </MenuItem>
      ))}
    </TextField>
  );
};
