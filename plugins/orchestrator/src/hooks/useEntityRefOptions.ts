import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useDebouncedValue } from '../components/shared/useDebouncedValue';

export interface EntityRefOption {
  ref: string;
  /** Title or display name, when the entity has one. */
  title?: string;
}

const SEARCH_FIELDS = [
  'metadata.name',
  'metadata.title',
  'spec.profile.displayName',
];

function toOption(entity: Entity): EntityRefOption {
  const profile = (entity.spec as { profile?: { displayName?: string } })
    ?.profile;
  return {
    ref: stringifyEntityRef(entity),
    title: entity.metadata.title ?? profile?.displayName,
  };
}

/**
 * Catalog entities of the given kinds whose name or title contains `text`
 * (so "guest" finds user:default/guest), at most 20, one query per pause in
 * typing. A catalog that cannot answer leaves the list empty: the field still
 * takes a typed ref.
 */
export function useEntityRefOptions(
  kinds: string[],
  text: string,
  enabled = true,
): { options: EntityRefOption[]; loading: boolean } {
  const catalogApi = useApi(catalogApiRef);
  const term = useDebouncedValue(text.trim());
  const kindKey = kinds.join(',');
  const { value, loading } = useAsync(async () => {
    if (!enabled) return [];
    const { items } = await catalogApi.queryEntities({
      filter: { kind: kindKey.split(',') },
      fullTextFilter: term ? { term, fields: SEARCH_FIELDS } : undefined,
      orderFields: { field: 'metadata.name', order: 'asc' },
      fields: ['kind', 'metadata', 'spec.profile'],
      limit: 20,
    });
    return items.map(toOption);
  }, [catalogApi, kindKey, term, enabled]);
  return { options: value ?? [], loading };
}
