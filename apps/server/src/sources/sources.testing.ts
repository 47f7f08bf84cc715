import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createKoersServer, type KoersServer } from '../koers.server';
import { collectingLog, signIn, testSettings } from '../server.testing';
import type { ServerSettings } from '../server-settings';

/** Misdrijven in two quarters of 2025: three winkeldiefstallen in Q1 and one in Q2, per wijk. */
export const misdrijvenCsv = [
  'pleegdatum,soort,wijk',
  '2025-01-10,winkeldiefstal,Centrum',
  '2025-02-11,winkeldiefstal,Centrum',
  '2025-03-12,winkeldiefstal,Noord',
  '2025-03-13,inbraak,Noord',
  '2025-04-14,winkeldiefstal,Noord',
  '',
].join('\n');

/** 2,000 inwoners on 1 January 2025, 1,000 in each wijk. */
export const bevolkingCsv = ['peildatum,wijk,inwoners', '2025-01-01,Centrum,1000', '2025-01-01,Noord,1000', ''].join('\n');

/**
 * A small demo folder for server tests of sources: one municipality
 * (Uithoorn) whose indicator winkeldiefstallen reads misdrijven (declared
 * columns) per 1,000 inwoners of bevolking (no declared columns), so a
 * computation takes about a second. Q1 is 1.5, Q2 0.5.
 */
export async function writeSourcesDemo(demoFolder: string): Promise<void> {
  const files: Record<string, string> = {
    'uithoorn/koers.yaml': 'municipality: Uithoorn\n',
    'uithoorn/sources/misdrijven.yaml': 'title: Geregistreerde misdrijven\npath: data/misdrijven.csv\ncolumns:\n  pleegdatum: date\n  soort: varchar\n  wijk: varchar\n',
    'uithoorn/sources/bevolking.yaml': 'title: Bevolking op 1 januari\npath: data/bevolking.csv\n',
    'uithoorn/indicators/winkeldiefstallen.yaml': [
      'title: Winkeldiefstallen per 1.000 inwoners',
      'unit: per 1.000 inwoners',
      'direction: lower_is_better',
      'grain: quarter',
      'source: misdrijven',
      'time: pleegdatum',
      'measure: count(*)',
      "filter: soort = 'winkeldiefstal'",
      'per:',
      '  source: bevolking',
      '  time: peildatum',
      '  measure: sum(inwoners)',
      '  scale: 1000',
      'dimensions: [wijk]',
      '',
    ].join('\n'),
    'uithoorn/data/misdrijven.csv': misdrijvenCsv,
    'uithoorn/data/bevolking.csv': bevolkingCsv,
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(demoFolder, path)), { recursive: true });
    await writeFile(join(demoFolder, path), text);
  }
}

/**
 * A server on {@link writeSourcesDemo}'s folder, ready and computed, and the
 * data team's session cookie, and its settings (to start it again on the same folder).
 * `folder` holds everything; remove it after `server.close()`.
 */
export async function startSourcesServer(
  sources: Partial<ServerSettings['sources']> = {},
): Promise<{ folder: string; server: KoersServer; baseUrl: string; cookie: string; settings: ServerSettings }> {
  const folder = await mkdtemp(join(tmpdir(), 'koers-sources-'));
  await writeSourcesDemo(join(folder, 'demo'));
  await mkdir(join(folder, 'dashboard'), { recursive: true });
  await writeFile(join(folder, 'dashboard/index.html'), '<!doctype html><html lang="nl"></html>');
  const defaults = testSettings(folder);
  const settings: ServerSettings = { ...defaults, sources: { ...defaults.sources, ...sources } };
  const server = createKoersServer(settings, collectingLog());
  const baseUrl = await server.listen();
  await server.prepare();
  await server.whenComputed();
  return { folder, server, baseUrl, cookie: await signIn(baseUrl, 'data@demo.koers.nl'), settings };
}
