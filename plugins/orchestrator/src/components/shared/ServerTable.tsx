import { ReactNode } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';

export interface ServerTableColumn<T> {
  id: string;
  title: string;
  render: (row: T) => ReactNode;
  /** Field sent as `paginationInfo.orderBy` when the column is sortable. */
  sortField?: string;
  /** Let long text (names with descriptions) wrap; other cells stay on one line. */
  wrap?: boolean;
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

/**
 * A table whose paging and sorting happen on the server: it only renders the
 * page it is given and reports what the user asked for. Its count is the
 * server's total, not the length of the page.
 */
export function ServerTable<T>(props: ServerTableProps<T>) {
  const { columns, rows, rowKey, totalCount, query, onQueryChange, selection } =
    props;
  const pageIds = rows.map(rowKey);
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
      <div style={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={props.ariaLabel}>
          <TableHead>
            <TableRow>
              {selection && (
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={allSelected}
                    onChange={toggleAll}
                    inputProps={{
                      'aria-label': 'Select all rows on this page',
                    }}
                  />
                </TableCell>
              )}
              {columns.map(col => (
                <TableCell key={col.id} style={{ whiteSpace: 'nowrap' }}>
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
                    color="textSecondary"
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
                  data-testid={`${props.testId}-row`}
                  data-row-id={id}
                >
                  {selection && (
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={selection.selected.includes(id)}
                        onChange={() => toggle(id)}
                        inputProps={{ 'aria-label': `Select ${id}` }}
                      />
                    </TableCell>
                  )}
                  {columns.map(col => (
                    <TableCell
                      key={col.id}
                      style={col.wrap ? undefined : { whiteSpace: 'nowrap' }}
                    >
                      {col.render(row)}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
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
