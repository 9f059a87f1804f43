export type SourceFormat = 'yaml' | 'json';

/** Versions remembered; the oldest goes first (a fleet of 1000 workflows fits). */
const MAX_ENTRIES = 2000;

/**
 * Whether a workflow version's source is YAML or JSON. The Data Index has no column for it, so
 * the first single-workflow overview of a version reads the source; later ones answer from
 * here. Keyed by id and version, every replica learns the same answer from the same source;
 * the TTL (the definitions cache's) covers a redeploy that changes the format but not the version.
 */
export class SourceFormats {
  private readonly known = new Map<
    string,
    { format: SourceFormat; at: number }
  >();

  constructor(
    private readonly readSource: (
      workflowId: string,
    ) => Promise<string | undefined>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** undefined when the source cannot be read now (the overview then leaves `format` out). */
  async get(
    workflowId: string,
    version: string | undefined,
  ): Promise<SourceFormat | undefined> {
    const key = `${workflowId}\u0000${version ?? ''}`;
    const hit = this.known.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.format;
    const source = await this.readSource(workflowId).catch(() => undefined);
    if (!source) return undefined;
    const format = formatOf(source);
    this.known.delete(key);
    this.known.set(key, { format, at: this.now() });
    if (this.known.size > MAX_ENTRIES)
      this.known.delete(this.known.keys().next().value as string);
    return format;
  }
}

/** A serverless workflow's source is a JSON object or YAML; JSON is the one starting with `{`. */
export function formatOf(source: string): SourceFormat {
  return source.trimStart().startsWith('{') ? 'json' : 'yaml';
}
