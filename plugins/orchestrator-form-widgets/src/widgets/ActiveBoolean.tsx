import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import type { WidgetProps } from '@rjsf/utils';
import { useEffect } from 'react';
import { useWidgetBase, widgetMessages } from './useWidgetBase';

function asBoolean(v: unknown): boolean | undefined {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

/** Checkbox whose initial state may come from a fetch (until the user clicks it). */
export const ActiveBoolean = (props: WidgetProps) => {
  const { id, label, value, required, disabled, readonly, rawErrors } = props;
  const { onChange, onBlur, onFocus } = props;
  const { fetchState, isChangedByUser, markChangedByUser } =
    useWidgetBase(props);
  const fetched = asBoolean(
    fetchState.selected.default ?? fetchState.selected.value,
  );
  useEffect(() => {
    if (fetchState.generation === 0 || isChangedByUser()) return;
    if (fetched !== undefined && fetched !== value) onChange(fetched);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetchState.generation]);

  const helperText = widgetMessages([fetchState.error], rawErrors);
  return (
    <>
      <FormControlLabel
        label={label}
        required={required}
        disabled={disabled || readonly}
        control={
          <Checkbox
            id={id}
            checked={value === true}
            onChange={(_, checked) => {
              markChangedByUser();
              onChange(checked);
            }}
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
          />
        }
      />
      {helperText && <FormHelperText error>{helperText}</FormHelperText>}
    </>
  );
};
