import type { z as zod } from 'zod/v3';

/**
 * The `limit`/`offset` pair every list action takes. The registry hands each schema callback
 * its own zod (v3 API), so the fields are built from that instance, not imported.
 */
export function pagingFields(
  z: typeof zod,
  what: { noun: string; defaultLimit: number },
) {
  return {
    limit: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe(`Most ${what.noun} to return (default ${what.defaultLimit})`),
    offset: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('How many to skip, for paging (default 0)'),
  };
}
