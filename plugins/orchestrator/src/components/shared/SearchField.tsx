import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';

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
