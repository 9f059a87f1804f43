/**
 * Runs `task` for every item with at most `limit` in flight (p-limit's job, without the
 * dependency): a tick with thousands of changes must neither publish one after another
 * (slow) nor all at once (a burst on the events bus and the database).
 */
export async function boundedAll<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker),
  );
  return results;
}
