import type { Page } from 'playwright-core';

/**
 * Presses Tab until the focused element matches `selector`, as a keyboard user
 * would, and fails with what was focused along the way when it never does.
 */
export async function tabTo(page: Page, selector: string, maximumPresses = 150): Promise<void> {
  const visited: string[] = [];
  for (let press = 0; press < maximumPresses; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((wanted) => {
      const element = document.activeElement;
      if (element === null) return { matches: false, description: '(nothing)' };
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return { matches: element.matches(wanted), description: `${element.tagName.toLowerCase()} "${text}"` };
    }, selector);
    if (focused.matches) return;
    visited.push(focused.description);
  }
  throw new Error(`Tab never reached ${selector} in ${maximumPresses} presses; focus went to:\n${visited.join('\n')}`);
}

/** Whether the focused element shows a visible focus indicator (an outline or a box shadow). */
export async function hasVisibleFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) return false;
    const style = getComputedStyle(element);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });
}
