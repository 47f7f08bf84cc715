import { TestBed } from '@angular/core/testing';
import { sampleViewer } from '@koers/api/testing';
import { describe, expect, it } from 'vitest';
import { inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, textOf } from '../../testing/page-text';

function type(element: Element | null | undefined, value: string, event = 'input'): void {
  const control = element as HTMLInputElement;
  control.value = value;
  control.dispatchEvent(new Event(event));
}

async function openEditor(role: 'college' | 'admin' | 'team_lead' = 'college') {
  const koers = inMemoryKoers({ viewer: sampleViewer(role) });
  TestBed.configureTestingModule({ providers: [koers.providers] });
  const harness = await openPage('/uithoorn/programmas/bestuur-en-organisatie/bewerken');
  const page = harness.routeNativeElement;
  const save = async () => {
    (page?.querySelector('.save-bar button[type="submit"]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
  };
  return { koers, harness, page, save };
}

describe('ProgramEditorPageComponent', () => {
  it('opens the program with its effects, tasks and actions in the fields', async () => {
    const { page } = await openEditor();
    expect(page?.querySelector('h1')?.textContent).toBe('Bestuur en organisatie bewerken');
    expect((page?.querySelector('#veld-title') as HTMLInputElement).value).toBe('Bestuur en organisatie');
    expect((page?.querySelector('#veld-tasks-0-actions-0-priority') as HTMLSelectElement).value).toBe('new_policy');
    expect((page?.querySelector('#veld-tasks-0-actions-0-due') as HTMLInputElement).value).toBe('2025-12-31');
    expect(Array.from(page?.querySelectorAll('legend') ?? []).map((legend) => legend.textContent?.trim())).toContain(
      'Actie 2: Regie op de regionale samenwerking',
    );
  });

  it('saves a new action with priority, kind, owner and dates, moved to the top', async () => {
    const { koers, harness, page, save } = await openEditor();
    const addAction = Array.from(page?.querySelectorAll('button') ?? []).find(
      (button) => textOf(button) === 'Actie toevoegen aan opgave 1',
    ) as HTMLButtonElement;
    addAction.click();
    await harness.fixture.whenStable();
    // Focus goes to the new action's title.
    expect(document.activeElement?.id).toBe('veld-tasks-0-actions-2-title');
    type(page?.querySelector('#veld-tasks-0-actions-2-title'), 'Regionale agenda opstellen');
    type(page?.querySelector('#veld-tasks-0-actions-2-priority'), 'statutory', 'change');
    type(page?.querySelector('#veld-tasks-0-actions-2-owner'), 'Team Bestuursondersteuning');
    type(page?.querySelector('#veld-tasks-0-actions-2-start'), '2026-01-01');
    type(page?.querySelector('#veld-tasks-0-actions-2-due'), '2026-06-30');
    await harness.fixture.whenStable();
    const upButtons = Array.from(page?.querySelectorAll('button') ?? []).filter(
      (button) => textOf(button) === 'Omhoog (actie 3)',
    );
    (upButtons[0] as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    // Focus follows the action to its new place, so a second press moves it again.
    expect(document.activeElement?.id).toBe('veld-tasks-0-actions-1-omhoog');

    await save();

    expect(textOf(page?.querySelector('[role="status"]'))).toContain(
      'Opgeslagen in programs/bestuur-en-organisatie.yaml.',
    );
    const saved = koers.work.changes[0]?.after as {
      tasks: { actions: { id: string; priority: string; due?: string }[] }[];
    };
    expect(saved.tasks[0]?.actions.map((action) => [action.id, action.priority, action.due ?? null])).toEqual([
      ['bestuurskrachtonderzoek', 'new_policy', '2025-12-31'],
      ['regionale-agenda-opstellen', 'statutory', '2026-06-30'],
      ['regionale-samenwerking', 'execution', null],
    ]);
  });

  it('refuses a due date before the start and an empty title, naming each field beside it, and saves nothing', async () => {
    const { koers, harness, page, save } = await openEditor();
    type(page?.querySelector('#veld-tasks-0-actions-0-start'), '2026-03-01');
    type(page?.querySelector('#veld-tasks-0-actions-0-due'), '2026-01-31');
    type(page?.querySelector('#veld-title'), ' ');
    await harness.fixture.whenStable();

    await save();

    const alert = page?.querySelector('[role="alert"]');
    expect(textOf(alert)).toContain('Niet opgeslagen: 2 velden moeten nog worden verbeterd.');
    expect(textOf(alert)).toContain('Titel — vul een titel in');
    expect(textOf(alert)).toContain('Opgave 1, actie 1: einddatum — de einddatum ligt vóór de startdatum');
    expect(alert?.querySelector('a')?.getAttribute('href')).toBe('#veld-title');
    expect(page?.querySelector('#veld-title')?.getAttribute('aria-invalid')).toBe('true');
    expect(textOf(page?.querySelector('#veld-title-fout'))).toBe('vul een titel in');
    expect(page?.querySelector('#veld-tasks-0-actions-0-due')?.getAttribute('aria-invalid')).toBe('true');
    expect(koers.work.changes).toEqual([]);
  });

  it("says another user's later edit keeps this one from being saved, and opens the file again", async () => {
    const { koers, harness, page, save } = await openEditor();
    const file = await koers.work.read('uithoorn', 'bestuur-en-organisatie');
    if (file?.document === null || file === null) throw new Error('the program should open');
    await koers.work.save(
      'uithoorn',
      'bestuur-en-organisatie',
      { ...file.document, title: 'Intussen gewijzigd' },
      file.revision,
      sampleViewer('admin'),
    );

    await save();
    expect(textOf(page?.querySelector('[role="alert"]'))).toContain('is gewijzigd sinds u het opende');
    (
      Array.from(page?.querySelectorAll('button') ?? []).find(
        (button) => textOf(button) === 'Opnieuw openen',
      ) as HTMLButtonElement
    ).click();
    await harness.fixture.whenStable();
    expect((page?.querySelector('#veld-title') as HTMLInputElement).value).toBe('Intussen gewijzigd');
  });

  it('shows a team lead the refusal, not an editor', async () => {
    const { page } = await openEditor('team_lead');
    expect(page?.querySelector('form')).toBeNull();
    expect(textOf(page?.querySelector('[role="alert"]'))).toContain('U heeft geen toegang');
  });
});
