import { useEffect, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';
import {
  EntityRefOption,
  useEntityRefOptions,
} from '../../hooks/useEntityRefOptions';

/**
 * An entity-ref filter backed by the catalog: typing part of a name lists
 * matching entities; picking one (or pressing Enter on typed text) sets the
 * filter. The table is not refiltered on every key, so a half-typed name
 * never empties it.
 */
export const EntityRefFilter = ({
  id,
  label,
  kinds,
  value,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  kinds: string[];
  value: string;
  onChange: (ref: string) => void;
  testId: string;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  // a URL change (Back, Clear filters) replaces the text
  useEffect(() => setText(value), [value]);
  const { options, loading } = useEntityRefOptions(kinds, text, open);
  return (
    <Autocomplete<EntityRefOption | string, false, false, true>
      id={id}
      freeSolo
      size="small"
      sx={{ minWidth: 220 }}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      options={options}
      loading={loading}
      loadingText={t('filters.searchingCatalog')}
      // the catalog already matched the text; MUI must not filter again
      filterOptions={o => o}
      getOptionLabel={o => (typeof o === 'string' ? o : o.ref)}
      isOptionEqualToValue={(o, v) =>
        (typeof o === 'string' ? o : o.ref) ===
        (typeof v === 'string' ? v : v.ref)
      }
      value={value || null}
      inputValue={text}
      onInputChange={(_e, next, reason) => {
        setText(next);
        if (reason === 'clear' || next === '') onChange('');
      }}
      onChange={(_e, next) =>
        onChange(typeof next === 'string' ? next : next?.ref ?? '')
      }
      renderOption={(props, o) => {
        const option = typeof o === 'string' ? { ref: o } : o;
        return (
          <li {...props} key={option.ref}>
            <span>
              {option.title && (
                <Typography variant="body2" component="span" display="block">
                  {option.title}
                </Typography>
              )}
              <Typography
                variant={option.title ? 'caption' : 'body2'}
                color={option.title ? 'text.secondary' : undefined}
                component="span"
              >
                {option.ref}
              </Typography>
            </span>
          </li>
        );
      }}
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label={label}
          inputProps={{ ...params.inputProps, 'data-testid': testId }}
        />
      )}
    />
  );
};
