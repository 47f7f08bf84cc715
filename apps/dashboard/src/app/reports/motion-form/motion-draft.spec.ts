import { describe, expect, it } from 'vitest';
import { emptyMotionDraft, motionDraftProblems, motionIdOf, motionInputOf } from './motion-draft';

describe('a new motion as the college types it', () => {
  it('is stored under an id made from its kind and reference', () => {
    expect(motionIdOf('motion', 'M2026-07')).toBe('motie-m2026-07');
    expect(motionIdOf('commitment', ' Toezegging 12 ')).toBe('toezegging-toezegging-12');
    expect(motionIdOf('motion', 'Motie één')).toBe('motie-motie-een');
  });

  it('says beside each field what is missing, and refuses a reference that is taken', () => {
    expect(motionDraftProblems(emptyMotionDraft, []).map((problem) => problem.field)).toEqual(['reference', 'title', 'adoptedOn', 'points.0']);
    const draft = { ...emptyMotionDraft, reference: 'M2026-07', title: 'Groen', adoptedOn: '2026-06-12', points: [{ text: 'Plant bomen.', programId: '' }, { text: ' ', programId: '' }] };
    expect(motionDraftProblems(draft, ['motie-m2026-07'])).toEqual([
      { field: 'reference', message: 'Er is al een motie met kenmerk M2026-07.' },
      { field: 'points.1', message: 'Schrijf de tekst van punt 2, of verwijder het.' },
    ]);
    expect(motionDraftProblems({ ...draft, reference: '--' }, [])[0]?.message).toBe('Het kenmerk moet ten minste een letter of cijfer bevatten.');
  });

  it('numbers the points from 1 in their order, with the program each concerns', () => {
    const draft = {
      ...emptyMotionDraft,
      reference: ' M2026-07 ',
      title: 'Meer groen ',
      adoptedOn: '2026-06-12',
      points: [{ text: 'Plant bomen.', programId: 'duurzaamheid' }, { text: 'Rapporteer ieder kwartaal.', programId: '' }],
    };
    expect(motionInputOf(draft)).toEqual({
      id: 'motie-m2026-07',
      kind: 'motion',
      reference: 'M2026-07',
      title: 'Meer groen',
      adoptedOn: '2026-06-12',
      points: [
        { number: 1, text: 'Plant bomen.', links: [{ programId: 'duurzaamheid' }] },
        { number: 2, text: 'Rapporteer ieder kwartaal.', links: [] },
      ],
    });
  });
});
