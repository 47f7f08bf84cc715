import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatCardHarness } from '@angular/material/card/testing';
import type { ProgramOverview } from '@koers/api';
import { describe, expect, it } from 'vitest';
import { provideDutchLocale } from '../../locale';
import { uithoornGovernance } from '../../testing/sample-programs';
import { ProgramCardComponent } from './program-card.component';

async function render(program: ProgramOverview) {
  TestBed.configureTestingModule({ providers: [provideDutchLocale()] });
  const fixture = TestBed.createComponent(ProgramCardComponent);
  fixture.componentRef.setInput('program', program);
  const card = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatCardHarness);
  return { card, element: fixture.nativeElement as HTMLElement };
}

describe('ProgramCardComponent', () => {
  it('titles the card with the program and names it as a region by that title', async () => {
    const { card, element } = await render(uithoornGovernance);

    expect(await card.getTitleText()).toBe('Bestuur en organisatie');
    const region = element.querySelector('[role="region"]');
    const title = element.querySelector(`#${region?.getAttribute('aria-labelledby')}`);
    expect(title?.tagName).toBe('H2');
    expect(title?.textContent).toBe('Bestuur en organisatie');
  });

  it('numbers the effects and lists the actions under their task', async () => {
    const { element } = await render(uithoornGovernance);

    const effects = Array.from(element.querySelectorAll('ol > li .effect-title')).map((item) => item.textContent);
    expect(effects).toEqual([
      'Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren.',
      'De ambtelijke organisatie geeft het college bestuurskracht om de effecten te creëren.',
    ]);
    const actionList = element.querySelector(
      'ul[aria-label="Acties voor: Investeer in de allianties met de omgeving."]',
    );
    expect(Array.from(actionList?.querySelectorAll('.action-title') ?? []).map((title) => title.textContent)).toEqual([
      'Uitwerken Bestuurskrachtonderzoek',
      'Regie op de regionale samenwerking',
    ]);
    expect(actionList?.querySelector('time')?.getAttribute('datetime')).toBe('2025-12-31');
  });

  it('says what is not there yet instead of leaving a section blank', async () => {
    const { card } = await render({
      ...uithoornGovernance,
      portfolioHolders: [],
      department: null,
      effects: [],
      tasks: [],
    });

    const text = await card.getText();
    expect(text).toContain('PortefeuillehouderNiet vastgelegd');
    expect(text).toContain('AfdelingNiet vastgelegd');
    expect(text).toContain('Nog geen effecten vastgelegd.');
    expect(text).toContain('Nog geen opgaven vastgelegd.');
  });
});
