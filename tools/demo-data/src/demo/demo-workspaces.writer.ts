import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { toCsv } from '../csv.writer';
import { type GeneratedTable } from './generated-file';
import { generateCrimes, generatePublicSpaceReports, generateRoadAccidents, generateWooRequests } from './incident-sources.generator';
import { type MunicipalityProfile } from './municipality-profile';
import { demoMunicipalities } from './municipality-profiles';
import {
  generateCompulsoryEducation,
  generateLabourMarket,
  generateOperations,
  generateSocialDomain,
  generateWasteCollection,
} from './periodic-sources.generator';
import { generatePopulation } from './population.generator';
import {
  generateEarlySchoolLeavers,
  generateEmployment,
  generateEnergy,
  generateHousingDeliveries,
  generateSportSurvey,
} from './yearly-sources.generator';

/** Every data file of one demo municipality, in a fixed order. */
export function generateDemoTables(profile: MunicipalityProfile): GeneratedTable[] {
  return [
    generatePopulation,
    generateCrimes,
    generatePublicSpaceReports,
    generateRoadAccidents,
    generateWooRequests,
    generateSocialDomain,
    generateWasteCollection,
    generateCompulsoryEducation,
    generateLabourMarket,
    generateOperations,
    generateEnergy,
    generateHousingDeliveries,
    generateEarlySchoolLeavers,
    generateEmployment,
    generateSportSurvey,
  ].map((generate) => generate(profile));
}

/** What was written: one entry per file, relative to the output folder. */
export interface WrittenFile {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

/**
 * Writes the `data/` files of every demo workspace under `outDir/<municipality>/`
 * (for the committed demo: `data/demo`). The YAML of the workspaces is not touched.
 */
export async function writeDemoData(outDir: string): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  for (const profile of demoMunicipalities)
    for (const table of generateDemoTables(profile)) {
      const path = join(profile.id, table.path);
      const text = toCsv(table.columns, table.rows);
      await mkdir(dirname(join(outDir, path)), { recursive: true });
      await writeFile(join(outDir, path), text, 'utf8');
      written.push({ path, rows: table.rows.length, bytes: Buffer.byteLength(text) });
    }
  return written;
}
