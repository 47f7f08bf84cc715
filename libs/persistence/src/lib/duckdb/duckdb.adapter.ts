import { DialectAdapterBase } from 'kysely';

/**
 * What kysely may assume of DuckDB: `create ... if not exists`, `returning`,
 * and DDL inside transactions (so a failed migration leaves nothing behind).
 */
export class DuckDBAdapter extends DialectAdapterBase {
  // Only one process can open a DuckDB file for writing (DuckDB locks the
  // file), so the migration lock only has to order migrators in this process.
  #lock: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  override get supportsTransactionalDdl(): boolean {
    return true;
  }

  override get supportsReturning(): boolean {
    return true;
  }

  async acquireMigrationLock(): Promise<void> {
    const previous = this.#lock;
    let release!: () => void;
    this.#lock = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.#release = release;
  }

  async releaseMigrationLock(): Promise<void> {
    this.#release?.();
    this.#release = undefined;
  }
}
