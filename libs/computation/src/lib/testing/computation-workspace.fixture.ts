import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The files of a small municipality: two sources, two indicators, one program. */
export const workspaceFiles: Readonly<Record<string, string>> = {
  'koers.yaml': 'municipality: Proefdorp\n',
  'sources/misdrijven.yaml': 'title: Geregistreerde misdrijven\npath: data/misdrijven.csv\n',
  'sources/bevolking.yaml': 'title: Bevolking per wijk\npath: data/bevolking.csv\n',
  'data/misdrijven.csv': [
    'pleegdatum,soort,wijk',
    '2024-02-01,winkeldiefstal,Centrum',
    '2024-05-01,winkeldiefstal,Noord',
    '2025-01-10,winkeldiefstal,Centrum',
    '2025-04-02,winkeldiefstal,Noord',
    '2025-05-03,winkeldiefstal,Centrum',
    '2025-06-04,inbraak,Centrum',
  ].join('\n'),
  'data/bevolking.csv': 'peildatum,wijk,inwoners\n2024-01-01,Centrum,1000\n2024-01-01,Noord,900\n2025-01-01,Centrum,1100\n2025-01-01,Noord,1000\n',
  'indicators/winkeldiefstallen.yaml': [
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
    'targets: { "2025": 0.9 }',
    '',
  ].join('\n'),
  'indicators/inwoners.yaml': [
    'title: Inwoners',
    'unit: inwoners',
    'direction: higher_is_better',
    'grain: year',
    'source: bevolking',
    'time: peildatum',
    'measure: sum(inwoners)',
    'targets: { "2025": 2000 }',
    '',
  ].join('\n'),
  'programs/veiligheid.yaml': [
    'title: Veiligheid',
    'effects:',
    '  - id: minder-criminaliteit',
    '    title: Minder winkeldiefstal',
    '    indicators: [winkeldiefstallen, inwoners]',
    '',
  ].join('\n'),
};

/** A temp folder with the workspace in `workspace/` and room for databases beside it. */
export async function createComputationFolder(files: Readonly<Record<string, string>> = workspaceFiles) {
  const path = await mkdtemp(join(tmpdir(), 'koers-computation-'));
  const root = join(path, 'workspace');
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
  }
  return {
    path,
    root,
    write: (file: string, text: string) => writeFile(join(root, file), text),
    remove: () => rm(path, { recursive: true, force: true }),
  };
}
