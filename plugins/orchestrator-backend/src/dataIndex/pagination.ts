import { InputError } from '@backstage/errors';
import type { FilterTarget } from './allowList';
import type { OrderByArgument, PaginationArgument } from './types';

export const MAX_PAGE_SIZE = 1000;
/** Same bound as the OpenAPI document; the Data Index pages with 32-bit integers. */
export const MAX_OFFSET = 1_000_000;

export interface PaginationRequest {
  pageSize?: number;
  offset?: number;
  orderBy?: string;
  orderDirection?: string;
}

export interface ResolvedPagination {
  pagination: PaginationArgument;
  orderBy: OrderByArgument;
  /** What the response echoes. */
  echo: {
    pageSize: number;
    offset: number;
    orderBy: string;
    orderDirection: 'ASC' | 'DESC';
  };
}

/**
 * Resolves paginationInfo against the allow-list: an unknown sort field is a
 * 400, never text in a query. The sort goes into the `$orderBy` variable.
 */
export function resolvePagination(
  target: FilterTarget,
  request: PaginationRequest | undefined,
  defaults: {
    pageSize: number;
    orderBy: string;
    orderDirection: 'ASC' | 'DESC';
  },
): ResolvedPagination {
  const pageSize = request?.pageSize ?? defaults.pageSize;
  const offset = request?.offset ?? 0;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new InputError(
      `pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`,
    );
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new InputError(`offset must be an integer from 0 to ${MAX_OFFSET}`);
  }
  const orderBy = request?.orderBy ?? defaults.orderBy;
  if (!target.sortable.includes(orderBy)) {
    throw new InputError(
      `Cannot sort by '${String(orderBy).slice(
        0,
        64,
      )}'; sortable: ${target.sortable.join(', ')}`,
    );
  }
  const direction = (
    request?.orderDirection ?? defaults.orderDirection
  ).toUpperCase();
  if (direction !== 'ASC' && direction !== 'DESC') {
    throw new InputError('orderDirection must be ASC or DESC');
  }
  return {
    pagination: { limit: pageSize, offset },
    orderBy: { [orderBy]: direction },
    echo: { pageSize, offset, orderBy, orderDirection: direction },
  };
}
