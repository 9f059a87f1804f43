import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';

export const SearchField = ({
  value,
  onChange,
  label,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  /** What the search matches, shown while the field is focused and empty. */
  placeholder?: string;
}) => (
  <TextField
    size="small"
    variant="outlined"
    label={label}
    value={value}
    onChange={e => onChange(e.target.value)}
    placeholder={placeholder}
    // Wide enough for the hint on wide screens; narrower ones keep the header on one line and
    // end the hint with an ellipsis instead of cutting it mid-word.
    sx={
      placeholder
        ? {
            minWidth: { md: '26rem' },
            '& input': { textOverflow: 'ellipsis' },
          }
        : undefined
    }
    inputProps={{ maxLength: 200, 'data-testid': 'search-input' }}
    InputProps={{
      startAdornment: (
        <InputAdornment position="start">
          <SearchIcon fontSize="small" />
        </InputAdornment>
      ),
    }}
  />
);
