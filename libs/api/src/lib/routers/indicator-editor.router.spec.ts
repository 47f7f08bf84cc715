import { describe, expect, it } from 'vitest';
import { InMemoryIndicatorEditor, sampleCatalogContents, sampleDraft, sampleViewer } from '../../testing/index';
import { sampleCaller } from './router.testing';

function editorCaller() {
  const editor = new InMemoryIndicatorEditor(sampleCatalogContents());
  const { caller } = sampleCaller({ viewer: sampleViewer('data_team'), indicatorEditor: editor });
  return { caller, editor };
}

describe('the indicator editor router', () => {
  it('offers the sources with their columns and the effects of the programs', async () => {
    const { caller } = editorCaller();
    const choices = await caller.indicatorEditor.choices({ municipalityId: 'uithoorn' });
    expect(choices.sources.map((source) => source.id)).toEqual(['misdrijven', 'bevolking']);
    expect(choices.effects.length).toBeGreaterThan(0);
  });

  it('puts a Dutch hint beside each problem of a dry run, naming what there is to choose', async () => {
    const { caller, editor } = editorCaller();
    editor.dryRunAnswer = (draft) => ({
      report: null,
      statuses: [],
      durationMs: 10,
      problems: [
        { file: `indicators/${draft.id}.yaml`, field: 'measure', message: `measure: calling read_csv is not allowed: it reads files; write one SQL expression: ...` },
        { file: `indicators/${draft.id}.yaml`, field: 'filter', message: 'filter: Referenced column "soortt" not found (source "misdrijven")' },
        { file: `indicators/${draft.id}.yaml`, field: 'targets.25', line: 12, message: 'key "25": target years must be calendar years (for example 2025)' },
        { file: `indicators/${draft.id}.yaml`, field: 'time', message: 'time: column is VARCHAR, not a date or timestamp: declare it as date' },
      ],
    });
    const outcome = await caller.indicatorEditor.dryRun({ municipalityId: 'uithoorn', draft: sampleDraft, isNew: true });
    expect(outcome.problems.map((problem) => [problem.field, 'hint' in problem ? problem.hint : undefined])).toEqual([
      ['measure', expect.stringContaining('Bestanden lezen, tabelfuncties en opdrachten als COPY of DROP zijn niet toegestaan')],
      ['filter', 'Deze kolom bestaat niet in bron "misdrijven". Kies uit: pleegdatum, soort, wijk.'],
      ['targets.25', expect.stringContaining('kalenderjaar van vier cijfers')],
      ['time', 'Kies een kolom met een datum: pleegdatum.'],
    ]);
  });

  it('saves through the port with who saved, and answers CONFLICT when the file changed since it was read', async () => {
    const { caller, editor } = editorCaller();
    const saved = await caller.indicatorEditor.save({ municipalityId: 'uithoorn', draft: sampleDraft, isNew: true, baseVersion: null, link: { programId: 'veiligheid', effectId: 'minder-criminaliteit' } });
    expect(saved).toMatchObject({ kind: 'saved', isLinked: true });
    expect(editor.calls).toEqual([expect.objectContaining({ kind: 'save', by: sampleViewer('data_team').email, options: expect.objectContaining({ isNew: true }) })]);
    editor.saveAnswer = () => ({ kind: 'conflict', message: 'Iemand anders heeft deze indicator intussen gewijzigd.' });
    await expect(caller.indicatorEditor.save({ municipalityId: 'uithoorn', draft: sampleDraft, isNew: false, baseVersion: 'v1' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a draft past its bounds before the port sees it, and answers METHOD_NOT_SUPPORTED without a port', async () => {
    const { caller, editor } = editorCaller();
    await expect(caller.indicatorEditor.dryRun({ municipalityId: 'uithoorn', draft: { ...sampleDraft, measure: 'x'.repeat(2_001) }, isNew: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(editor.calls).toEqual([]);
    const { caller: bare } = sampleCaller({ viewer: sampleViewer('data_team') });
    await expect(bare.indicatorEditor.choices({ municipalityId: 'uithoorn' })).rejects.toMatchObject({ code: 'METHOD_NOT_SUPPORTED' });
  });
});
