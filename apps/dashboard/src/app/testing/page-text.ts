import type { RouterTestingHarness } from '@angular/router/testing';

/** The text of an element as a reader gets it: every piece of text, separated by one space. */
export function textOf(root: Element | null | undefined): string {
  if (!root) return '';
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const pieces: string[] = [];
  while (walker.nextNode()) pieces.push(walker.currentNode.textContent?.trim() ?? '');
  return pieces.filter((piece) => piece.length > 0).join(' ');
}

/** The routed page's text as a reader gets it. */
export function pageText(harness: RouterTestingHarness): string {
  return textOf(harness.routeNativeElement);
}

/** Opens `url` in a router testing harness and waits until the page has settled. */
export async function openPage(url: string): Promise<RouterTestingHarness> {
  const { RouterTestingHarness } = await import('@angular/router/testing');
  const harness = await RouterTestingHarness.create(url);
  await harness.fixture.whenStable();
  return harness;
}
