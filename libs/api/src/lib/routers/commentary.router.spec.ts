import type { Viewer } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { sampleViewer } from '../../testing/index';
import { workCaller } from '../work/work-caller.testing';

const withPortfolio = (portfolio: readonly string[]): Viewer => ({
  ...sampleViewer('college', ['uithoorn']),
  grants: [{ municipalityId: 'uithoorn', role: 'college', portfolio }],
});

describe('commentary', () => {
  it('keeps what the college writes per effect and quarter, with author, time and every earlier version', async () => {
    const { caller, work } = workCaller('college');
    const first = await caller.commentary.save({ municipalityId: 'uithoorn', effectId: 'keuzes-met-effect', quarter: '2026-Q4', text: 'De Woo-termijn wordt krapper gehaald.' });
    const second = await caller.commentary.save({
      municipalityId: 'uithoorn',
      effectId: 'keuzes-met-effect',
      quarter: '2026-Q4',
      text: '  De Woo-termijn wordt krapper gehaald; er komt extra capaciteit.  ',
    });

    expect(first).toMatchObject({ version: 1, authorName: 'Proef college', writtenAt: '2026-11-30T12:00:00.000Z' });
    expect(second).toMatchObject({ version: 2, text: 'De Woo-termijn wordt krapper gehaald; er komt extra capaciteit.' });
    const board = await caller.commentary.board({ municipalityId: 'uithoorn', programId: 'bestuur-en-organisatie' });
    expect(board.quarter).toBe('2026-Q4');
    expect(board.writableQuarters).toEqual(['2026-Q4', '2026-Q3']);
    expect(board.effects.map((effect) => [effect.effectId, effect.current?.version ?? null, effect.mayWrite])).toEqual([
      ['keuzes-met-effect', 2, true],
      ['bestuurskracht', null, true],
    ]);
    expect((await caller.commentary.history({ municipalityId: 'uithoorn', effectId: 'keuzes-met-effect', quarter: '2026-Q4' })).map((entry) => entry.version)).toEqual([2, 1]);
    expect(work.changes.map((change) => [change.entity, change.entityId, (change.before as { version?: number } | null)?.version ?? null])).toEqual([
      ['commentary', 'keuzes-met-effect:2026-Q4', null],
      ['commentary', 'keuzes-met-effect:2026-Q4', 1],
    ]);
  });

  it('shows the council and everyone who reads the program the commentary, without a way to write it', async () => {
    const college = workCaller('college');
    const { caller } = college;
    await caller.commentary.save({ municipalityId: 'uithoorn', effectId: 'minder-criminaliteit', quarter: '2026-Q3', text: 'Vernielingen namen toe in de zomer.' });
    for (const role of ['council', 'team_lead', 'data_team', 'admin'] as const) {
      const reader = workCaller(role, { sharing: college });
      const board = await reader.caller.commentary.board({ municipalityId: 'uithoorn', indicatorId: 'vernielingen' });
      expect(board.effects.map((effect) => [effect.effectId, effect.programTitle, effect.earlier.map((entry) => entry.text), effect.mayWrite])).toEqual([
        ['minder-criminaliteit', 'Veiligheid', ['Vernielingen namen toe in de zomer.'], false],
      ]);
    }
  });

  it('lets a college member write only for the programs of their portfolio', async () => {
    const { caller, work } = workCaller(withPortfolio(['Burgemeester']));
    const board = await caller.commentary.board({ municipalityId: 'uithoorn' });
    expect(board.effects.map((effect) => [effect.programId, effect.mayWrite])).toEqual([
      ['bestuur-en-organisatie', false],
      ['bestuur-en-organisatie', false],
      ['veiligheid', true],
    ]);
    await expect(caller.commentary.save({ municipalityId: 'uithoorn', effectId: 'minder-criminaliteit', quarter: '2026-Q4', text: 'Veiliger.' })).resolves.toMatchObject({ version: 1 });
    await expect(caller.commentary.save({ municipalityId: 'uithoorn', effectId: 'keuzes-met-effect', quarter: '2026-Q4', text: 'Niet mijn portefeuille.' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Programma "Bestuur en organisatie" (A. de Vries) valt buiten uw portefeuille: u licht alleen de programma\'s van uw eigen portefeuille toe.',
    });
    expect(work.changes).toHaveLength(1);
  });

  it('answers bad input with the field and stores nothing: an empty text, a quarter long past, an unknown effect or program', async () => {
    const { caller, work } = workCaller('college');
    await expect(caller.commentary.save({ municipalityId: 'uithoorn', effectId: 'keuzes-met-effect', quarter: '2026-Q4', text: '   ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('schrijf een toelichting'),
    });
    await expect(caller.commentary.save({ municipalityId: 'uithoorn', effectId: 'keuzes-met-effect', quarter: '2025-Q4', text: 'Te laat.' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'quarter: een toelichting schrijft u over het 4e kwartaal 2026 of het 3e kwartaal 2026, niet over het 4e kwartaal 2025.',
    });
    await expect(caller.commentary.save({ municipalityId: 'uithoorn', effectId: 'onbekend', quarter: '2026-Q4', text: 'Waarover?' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.commentary.board({ municipalityId: 'uithoorn', programId: 'sport' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(work.changes).toEqual([]);
  });

  it('refuses every role but the college a save', async () => {
    for (const role of ['admin', 'data_team', 'team_lead', 'council'] as const) {
      await expect(
        workCaller(role).caller.commentary.save({ municipalityId: 'uithoorn', effectId: 'keuzes-met-effect', quarter: '2026-Q4', text: 'Mag niet.' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
