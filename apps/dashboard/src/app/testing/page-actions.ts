import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

/** Waits until the page has settled after an action that sets off requests, timers and polls in turn. */
export async function settle(harness: RouterTestingHarness, rounds = 8): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await harness.fixture.whenStable();
    await new Promise((wait) => setTimeout(wait, 5));
  }
  await harness.fixture.whenStable();
}

/** Presses the Material button whose text is `text`, and waits until the page has settled. */
export async function clickButton(harness: RouterTestingHarness, text: string): Promise<void> {
  await (await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatButtonHarness.with({ text }))).click();
  await settle(harness);
}

/** Chooses `file` in the page's (first) file field, as the browser's file dialog does. */
export function chooseFile(harness: RouterTestingHarness, file: File): void {
  const input = harness.routeNativeElement?.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file field on the page');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

/** Types `value` into the field named `name`, as a user's typing does. */
export function typeInto(harness: RouterTestingHarness, name: string, value: string): void {
  const field = harness.routeNativeElement?.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!field) throw new Error(`no field named ${name} on the page`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}
