import type { Municipality } from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';

/** Every municipality this installation serves, by name. */
export async function listMunicipalities(db: Kysely<Database>): Promise<Municipality[]> {
  return db.selectFrom('municipalities').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}

/** Whether any municipality is stored yet: false means a fresh database. */
export async function hasMunicipalities(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('municipalities').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Where a municipality's workspace is, and the hash of its last imported structure. */
export interface MunicipalityWorkspace {
  readonly workspaceRoot: string;
  readonly structureHash: string;
  /** The year of the program budget in force; left as stored when null. */
  readonly budgetYear?: number | null;
}

/** Adds the municipality, or renames it when it is already stored; with `workspace`, records where its workspace is. */
export async function saveMunicipality(db: Kysely<Database>, municipality: Municipality, workspace?: MunicipalityWorkspace): Promise<void> {
  const values = {
    id: municipality.id,
    name: municipality.name,
    ...(workspace && { workspace_root: workspace.workspaceRoot, structure_hash: workspace.structureHash }),
    ...(workspace?.budgetYear != null && { budget_year: workspace.budgetYear }),
  };
  await db
    .insertInto('municipalities')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet({
        name: values.name,
        ...(workspace && { workspace_root: values.workspace_root, structure_hash: values.structure_hash }),
        ...(values.budget_year !== undefined && { budget_year: values.budget_year }),
      }),
    )
    .execute();
}

/** Every municipality whose workspace folder is known, by name: what the server computes. */
export async function listMunicipalityWorkspaces(db: Kysely<Database>): Promise<(Municipality & { readonly workspaceRoot: string })[]> {
  const rows = await db
    .selectFrom('municipalities')
    .select(['id', 'name', 'workspace_root'])
    .where('workspace_root', 'is not', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, workspaceRoot: row.workspace_root ?? '' }));
}
