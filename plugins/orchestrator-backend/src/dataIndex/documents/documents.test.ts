import { parse, validate } from 'graphql';
import {
  describeIfReference,
  loadDataIndexSchema,
} from '../../__testUtils__/reference';
import { STATIC_DOCUMENTS, buildOverviewStatsDocument } from '.';

function errorsOf(
  schema: ReturnType<typeof loadDataIndexSchema>,
  document: string,
) {
  return validate(schema, parse(document)).map(e => e.message);
}

describeIfReference('Data Index documents against the real schema', () => {
  const current = loadDataIndexSchema();
  const main = loadDataIndexSchema('main');
  const v1010 = loadDataIndexSchema('10.1.0');
  const v1000 = loadDataIndexSchema('10.0.0');

  const all = {
    ...STATIC_DOCUMENTS,
    OVERVIEW_STATS_1: buildOverviewStatsDocument(1),
    OVERVIEW_STATS_3: buildOverviewStatsDocument(3),
  };

  it.each(Object.entries(all))(
    '%s validates against Data Index 10.2.0, 10.1.0 and main',
    (_name, document) => {
      expect(errorsOf(current, document)).toEqual([]);
      expect(errorsOf(v1010, document)).toEqual([]);
      expect(errorsOf(main, document)).toEqual([]);
    },
  );

  // 10.1.0 is the oldest supported release (it added executionSummary and
  // NodeInstance.errorMessage); the uncounted pages still work on 10.0.0.
  it('the uncounted page documents (the fallback path) also validate against 10.0.0', () => {
    for (const document of [
      STATIC_DOCUMENTS.INSTANCES_PAGE,
      STATIC_DOCUMENTS.DEFINITIONS_PAGE,
    ]) {
      expect(errorsOf(v1000, document)).toEqual([]);
    }
    // and the counted variants really need 10.1.0+, which is why the client falls back
    expect(
      errorsOf(v1000, STATIC_DOCUMENTS.INSTANCES_PAGE_WITH_COUNT).join(),
    ).toMatch(/CountProcessInstances/);
  });

  it('the overview document text depends only on the number of workflows', () => {
    expect(buildOverviewStatsDocument(2)).toBe(buildOverviewStatsDocument(2));
    expect(buildOverviewStatsDocument(2)).not.toMatch(/"/);
  });
});
