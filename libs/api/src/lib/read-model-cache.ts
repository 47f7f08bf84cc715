/**
 * Built read models, kept until the stored data changes. The server bumps the
 * data version whenever it stores something the API reads (a computation, an
 * import); an entry built for an older version is built again on its next
 * read. Entries are few (one per municipality and page), and the oldest go
 * first past `maxEntries`.
 *
 * Two requests for the same entry while it is being built share one build.
 */
export class ReadModelCache {
  private readonly entries = new Map<string, { readonly version: number; readonly value: Promise<unknown> }>();

  constructor(
    /** The version of the stored data; any change makes every entry stale. */
    private readonly dataVersion: () => number,
    private readonly maxEntries = 1_000,
  ) {}

  /** The entry for `key`, built by `build` when missing or stale; a failed build is not kept. */
  get<T>(key: string, build: () => Promise<T>): Promise<T> {
    const version = this.dataVersion();
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.version === version) return entry.value as Promise<T>;
    const value = build();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}
