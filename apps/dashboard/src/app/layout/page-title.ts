import { effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';

/**
 * Keeps the browser's title at "<what the page shows> · Koers" (WCAG 2.4.2),
 * following the page's data as it loads. Call it in an injection context.
 */
export function pageTitle(title: () => string | undefined): void {
  const service = inject(Title);
  effect(() => {
    const text = title();
    service.setTitle(text ? `${text} · Koers` : 'Koers');
  });
}
