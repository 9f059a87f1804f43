import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';

export const SearchField = ({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
}) => (
  <TextField
    size="small"
    variant="outlined"
    label={label}
    value={value}
    onChange={e => onChange(e.target.value)}
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
