import type { KoersClient } from '../api/koers-client';

/**
 * Where switching to `municipalityId` leads from the page at `path` (its
 * segments, municipality first): the same kind of page. A program or an
 * indicator the other municipality does not have leads to its overview.
 */
export async function switchTarget(
  path: readonly string[],
  municipalityId: string,
  client: KoersClient,
): Promise<string[]> {
  const [, section, id] = path;
  const overview = ['/', municipalityId];
  try {
    if (section === 'programmas' && id !== undefined) {
      const programs = await client.programs.list.query({ municipalityId });
      return programs.some((program) => program.id === id) ? [...overview, section, id] : overview;
    }
    if (section === 'indicatoren' && id !== undefined) {
      const comparison = await client.indicators.compare.query({ indicatorId: id });
      const hasIt = comparison.municipalities.some((entry) => entry.municipality.id === municipalityId);
      return hasIt ? [...overview, section, id] : overview;
    }
  } catch {
    // Whether the page exists there could not be asked: the overview surely does.
    return overview;
  }
  if (section === 'vergelijken') return [...overview, section, ...(id === undefined ? [] : [id])];
  return overview;
}
