import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The wijken of the scratch municipality. */
export const wijken = ['Centrum', 'Noord', 'Zuid', 'De Kwakel', 'Thamerdal'] as const;
const soorten = ['winkeldiefstal', 'inbraak', 'vernieling', 'fietsdiefstal'] as const;

/**
 * One row of misdrijven, deterministic in `index` and `seed`: a date in
 * 2024–2025, a soort and a wijk. A different seed gives other values.
 */
export function misdrijfRow(index: number, seed: number): string {
  const mixed = Math.imul(index + 1, 2_654_435_761) ^ Math.imul(seed + 7, 40_503);
  const day = (mixed >>> 3) % 730;
  const date = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return `${date},${soorten[(mixed >>> 11) % soorten.length]},${wijken[(mixed >>> 17) % wijken.length]}\n`;
}

/** A whole misdrijven CSV of `rows` rows. */
export function misdrijvenCsv(rows: number, seed: number): string {
  const lines = ['pleegdatum,soort,wijk\n'];
  for (let index = 0; index < rows; index += 1) lines.push(misdrijfRow(index, seed));
  return lines.join('');
}

/**
 * A scratch folder for a real server: `demo/uithoorn` with misdrijven
 * (declared columns; `rows` rows of seed 1) read by winkeldiefstallen per
 * 1,000 inwoners of bevolking, by wijk and quarter. The server copies it into
 * `workspaces/` on its first start.
 */
export async function writeScratch(rows: number): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), 'koers-sources-'));
  const files: Record<string, string> = {
    'demo/uithoorn/koers.yaml': 'municipality: Uithoorn\n',
    'demo/uithoorn/sources/misdrijven.yaml': 'title: Geregistreerde misdrijven\npath: data/misdrijven.csv\ncolumns:\n  pleegdatum: date\n  soort: varchar\n  wijk: varchar\n',
    'demo/uithoorn/sources/bevolking.yaml': 'title: Bevolking op 1 januari\npath: data/bevolking.csv\n',
    'demo/uithoorn/indicators/winkeldiefstallen.yaml': [
      'title: Winkeldiefstallen per 1.000 inwoners',
      'unit: per 1.000 inwoners',
      'direction: lower_is_better',
      'grain: quarter',
      'source: misdrijven',
      'time: pleegdatum',
      'measure: count(*)',
      "filter: soort = 'winkeldiefstal'",
      'per: { source: bevolking, time: peildatum, measure: sum(inwoners), scale: 1000 }',
      'dimensions: [wijk]',
      '',
    ].join('\n'),
    'demo/uithoorn/indicators/inbraken.yaml': [
      'title: Inbraken',
      'unit: aantal',
      'direction: lower_is_better',
      'grain: year',
      'source: misdrijven',
      'time: pleegdatum',
      'measure: count(*)',
      "filter: soort = 'inbraak'",
      '',
    ].join('\n'),
    'demo/uithoorn/data/misdrijven.csv': misdrijvenCsv(rows, 1),
    'demo/uithoorn/data/bevolking.csv': ['peildatum,wijk,inwoners', ...['2024-01-01', '2025-01-01'].flatMap((date) => wijken.map((wijk, index) => `${date},${wijk},${2_000 + 100 * index}`)), ''].join('\n'),
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(scratch, path)), { recursive: true });
    await writeFile(join(scratch, path), text);
  }
  return scratch;
}
