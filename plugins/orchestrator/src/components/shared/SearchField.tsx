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
    // Wide enough for the hint to be read whole rather than cut off.
    sx={placeholder ? { minWidth: { sm: '24rem' } } : undefined}
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
