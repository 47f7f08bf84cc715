import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Rewrites the generated population file (`data/bevolking.csv`, header
 * `peildatum,wijk,inwoners,jongeren`) with one more inhabitant and youngster in
 * every row, as a new delivery of the data team would, so the refresh changes
 * every denominator and the results after it can be checked again.
 *
 * @throws Error when the file is not the generator's population file.
 */
export async function rewritePopulation(workspaceDir: string): Promise<void> {
  const file = join(workspaceDir, 'data', 'bevolking.csv');
  const [header, ...rows] = (await readFile(file, 'utf8')).trimEnd().split('\n');
  if (header !== 'peildatum,wijk,inwoners,jongeren') {
    throw new Error(
      `${file}: expected the header "peildatum,wijk,inwoners,jongeren" of tools/demo-data, found "${header}"`,
    );
  }
  const bumped = rows.map((row) => {
    const [date, wijk, inhabitants, young] = row.split(',');
    return `${date},${wijk},${Number(inhabitants) + 1},${Number(young) + 1}`;
  });
  await writeFile(file, `${header}\n${bumped.join('\n')}\n`, 'utf8');
}
