/** The part of package-lock.json (v3) these checks read. */
export interface Lockfile {
  readonly packages: Readonly<Record<string, { readonly version?: string; readonly optionalDependencies?: Readonly<Record<string, string>> }>>;
}

/**
 * Optional dependencies (platform binaries of DuckDB, esbuild, ...) that have no
 * lock entry. npm resolves them like node_modules lookups: the package's own
 * node_modules first, then each parent's, up to the root. A lockfile made on a
 * machine whose registry mirror lacks another platform's binary can miss them,
 * and `npm ci` then fails elsewhere with "Missing: ... from lock file".
 */
export function missingOptionalEntries(lockfile: Lockfile): string[] {
  const missing: string[] = [];
  for (const [location, entry] of Object.entries(lockfile.packages)) {
    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      if (!resolvable(lockfile, location, name)) {
        missing.push(`${location || '(root)'} → ${name}@${range}`);
      }
    }
  }
  return missing;
}

function resolvable(lockfile: Lockfile, location: string, name: string): boolean {
  let base = location;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lockfile.packages[candidate]) return true;
    if (!base) return false;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}
