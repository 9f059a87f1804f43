import { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';

export interface ServerTableColumn<T> {
  id: string;
  title: string;
  render: (row: T) => ReactNode;
  /** Field sent as `paginationInfo.orderBy` when the column is sortable. */
  sortField?: string;
  /** Let long text (names with descriptions) wrap; other cells stay on one line. */
  wrap?: boolean;
  /** Keeps a wrapping column readable when the one-line columns beside it grow. */
  minWidth?: number;
}

export interface ServerTableQuery {
  page: number;
  pageSize: number;
  orderBy?: string;
  orderDirection: 'ASC' | 'DESC';
}

export interface ServerTableProps<T> {
  columns: ServerTableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  totalCount: number;
  query: ServerTableQuery;
  onQueryChange: (query: ServerTableQuery) => void;
  loading?: boolean;
  emptyContent: ReactNode;
  testId: string;
  ariaLabel: string;
  /** Row selection for bulk actions; omit to hide the checkboxes. */
  selection?: { selected: string[]; onChange: (ids: string[]) => void };
  pageSizeOptions?: number[];
}

// Rows get a colour of their own for the pinned cells to inherit; the theme's
// stripe on odd rows is more specific and still wins.
const OPAQUE_ROW = { backgroundColor: 'background.paper' } as const;

// The checkbox column's width (MUI's padding="checkbox" cell).
const CHECKBOX_WIDTH = 48;

/**
 * The name column (and the checkbox before it) stays in view while a narrow
 * window scrolls the other columns inside the card.
 */
function pinned(left: number, header = false) {
  return {
    position: 'sticky',
    left,
    zIndex: header ? 3 : 1,
    // the row's own colour (the theme stripes odd rows), so nothing shows through
    backgroundColor: 'inherit',
  } as const;
}

/**
 * A table whose paging and sorting happen on the server: it only renders the
 * page it is given and reports what the user asked for. Its count is the
 * server's total, not the length of the page.
 */
export function ServerTable<T>(props: ServerTableProps<T>) {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const { columns, rows, rowKey, totalCount, query, onQueryChange, selection } =
    props;
  const pageIds = rows.map(rowKey);
  const firstLeft = selection ? CHECKBOX_WIDTH : 0;
  const allSelected =
    !!selection &&
    pageIds.length > 0 &&
    pageIds.every(id => selection.selected.includes(id));

  const toggleAll = () =>
    selection?.onChange(
      allSelected
        ? selection.selected.filter(id => !pageIds.includes(id))
        : [...new Set([...selection.selected, ...pageIds])],
    );
  const toggle = (id: string) =>
    selection?.onChange(
      selection.selected.includes(id)
        ? selection.selected.filter(s => s !== id)
        : [...selection.selected, id],
    );
  const sortBy = (field: string) =>
    onQueryChange({
      ...query,
      page: 0,
      orderBy: field,
      orderDirection:
        query.orderBy === field && query.orderDirection === 'ASC'
          ? 'DESC'
          : 'ASC',
    });

  return (
    <div data-testid={props.testId}>
      {props.loading && (
        <LinearProgress data-testid={`${props.testId}-loading`} />
      )}
      {/* Wide tables scroll inside their card instead of widening the page. */}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={props.ariaLabel}>
          <TableHead>
            <TableRow sx={OPAQUE_ROW}>
              {selection && (
                <TableCell padding="checkbox" sx={pinned(0, true)}>
                  <Checkbox
                    checked={allSelected}
                    onChange={toggleAll}
                    inputProps={{
                      'aria-label': t('table.selectAll'),
                    }}
                  />
                </TableCell>
              )}
              {columns.map((col, i) => (
                <TableCell
                  key={col.id}
                  sx={{
                    whiteSpace: 'nowrap',
                    minWidth: col.minWidth,
                    ...(i === 0 ? pinned(firstLeft, true) : {}),
                  }}
                >
                  {col.sortField ? (
                    <TableSortLabel
                      active={query.orderBy === col.sortField}
                      direction={
                        query.orderBy === col.sortField &&
                        query.orderDirection === 'DESC'
                          ? 'desc'
                          : 'asc'
                      }
                      onClick={() => sortBy(col.sortField!)}
                    >
                      {col.title}
                    </TableSortLabel>
                  ) : (
                    col.title
                  )}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.length === 0 && !props.loading && (
              <TableRow>
                <TableCell colSpan={columns.length + (selection ? 1 : 0)}>
                  <Typography
                    variant="body2"
                    color="text.secondary"
                    data-testid={`${props.testId}-empty`}
                  >
                    {props.emptyContent}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            {rows.map(row => {
              const id = rowKey(row);
              return (
                <TableRow
                  key={id}
                  sx={OPAQUE_ROW}
                  data-testid={`${props.testId}-row`}
                  data-row-id={id}
                >
                  {selection && (
                    <TableCell padding="checkbox" sx={pinned(0)}>
                      <Checkbox
                        checked={selection.selected.includes(id)}
                        onChange={() => toggle(id)}
                        inputProps={{
                          'aria-label': t('table.selectRow', { id }),
                        }}
                      />
                    </TableCell>
                  )}
                  {columns.map((col, i) => (
                    <TableCell
                      key={col.id}
                      sx={{
                        ...(col.wrap
                          ? { minWidth: col.minWidth }
                          : { whiteSpace: 'nowrap' }),
                        ...(i === 0 ? pinned(firstLeft) : {}),
                      }}
                    >
                      {col.render(row)}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
      <TablePagination
        component="div"
        count={totalCount}
        page={query.page}
        rowsPerPage={query.pageSize}
        rowsPerPageOptions={props.pageSizeOptions ?? [10, 20, 50, 100]}
        onPageChange={(_e, page) => onQueryChange({ ...query, page })}
        onRowsPerPageChange={e =>
          onQueryChange({ ...query, page: 0, pageSize: Number(e.target.value) })
        }
        labelRowsPerPage={t('table.rowsPerPage')}
        labelDisplayedRows={({ from, to, count }) =>
          count === -1
            ? t('table.displayedRowsMany', {
                from: String(from),
                to: String(to),
              })
            : t('table.displayedRows', {
                from: String(from),
                to: String(to),
                total: String(count),
              })
        }
        getItemAriaLabel={type => t(`table.${type}Page`)}
        data-testid={`${props.testId}-pagination`}
      />
    </div>
  );
}

/** The `paginationInfo` of a SearchRequest for a table query. */
export function toPaginationInfo(query: ServerTableQuery) {
  return {
    pageSize: query.pageSize,
    offset: query.page * query.pageSize,
    orderBy: query.orderBy,
    orderDirection: query.orderDirection,
  };
}
