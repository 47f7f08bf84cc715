import { sampleViewer } from '@koers/api/testing';
import { roles, type Viewer } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { serverAllows } from '../testing/server-allows';
import { mayEditPrograms, mayReadActionsBoard, mayWriteCommentaryFor, viewerTeamIn } from './work-abilities';

const municipalityId = 'uithoorn';
/** The sample governance program's holder, who owns the effect `keuzes-met-effect`. */
const governanceHolders = ['A. de Vries'];
const commentary = { municipalityId, effectId: 'keuzes-met-effect', quarter: '2026-Q4', text: 'Toelichting.' };

describe('the work the screens offer', () => {
  for (const role of roles) {
    it(`agrees with the server's access rules for ${role}`, async () => {
      const viewer = sampleViewer(role, [municipalityId]);

      expect(mayEditPrograms(viewer, municipalityId)).toBe(
        await serverAllows(viewer, (client) => client.programEditor.get.query({ municipalityId, programId: 'bestuur-en-organisatie' })),
      );
      expect(mayReadActionsBoard(viewer, municipalityId)).toBe(await serverAllows(viewer, (client) => client.progress.board.query({ municipalityId })));
      expect(mayWriteCommentaryFor(viewer, municipalityId, governanceHolders)).toBe(
        await serverAllows(viewer, (client) => client.commentary.save.mutate(commentary)),
      );
    });
  }

  it('offers a college member commentary only on the programs of their portfolio, as the server allows', async () => {
    const outside: Viewer = { ...sampleViewer('college', [municipalityId]), grants: [{ municipalityId, role: 'college', portfolio: ['wethouder Financiën'] }] };
    const holder: Viewer = { ...outside, grants: [{ municipalityId, role: 'college', portfolio: ['A. de Vries'] }] };

    expect(mayWriteCommentaryFor(outside, municipalityId, governanceHolders)).toBe(false);
    expect(await serverAllows(outside, (client) => client.commentary.save.mutate(commentary))).toBe(false);
    expect(mayWriteCommentaryFor(holder, municipalityId, governanceHolders)).toBe(true);
    expect(await serverAllows(holder, (client) => client.commentary.save.mutate(commentary))).toBe(true);
  });

  it("knows the team a team lead leads, and no one else's", () => {
    expect(viewerTeamIn(sampleViewer('team_lead', [municipalityId]), municipalityId)).toBe('Team Bestuursondersteuning');
    expect(viewerTeamIn(sampleViewer('college', [municipalityId]), municipalityId)).toBeNull();
    expect(viewerTeamIn(sampleViewer('team_lead', [municipalityId]), 'diemen')).toBeNull();
  });
});
