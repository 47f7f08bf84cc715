import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { NgxEchartsDirective } from 'ngx-echarts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChartOption } from './chart-option';
import { ChartComponent } from './chart.component';

const option: ChartOption = { xAxis: { type: 'category', data: ['K1 2025'] }, yAxis: { type: 'value' }, series: [{ type: 'line', data: [1] }] };

function render() {
  const fixture = TestBed.createComponent(ChartComponent);
  fixture.componentRef.setInput('options', option);
  fixture.componentRef.setInput('label', 'Lijndiagram van vernielingen per 1.000 inwoners');
  fixture.detectChanges();
  const chart = fixture.debugElement.query(By.directive(NgxEchartsDirective));
  return { element: chart.nativeElement as HTMLElement, directive: chart.injector.get(NgxEchartsDirective) };
}

/** Makes the browser say whether the reader prefers reduced motion. */
function prefersReducedMotion(matches: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: matches && query === '(prefers-reduced-motion: reduce)' }));
}

describe('ChartComponent', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is an image named by what it shows, drawn as SVG', () => {
    prefersReducedMotion(false);
    const { element, directive } = render();

    expect(element.getAttribute('role')).toBe('img');
    expect(element.getAttribute('aria-label')).toBe('Lijndiagram van vernielingen per 1.000 inwoners');
    expect(directive.initOpts()).toMatchObject({ renderer: 'svg' });
    expect(directive.options()).toMatchObject({ animation: true, series: [{ type: 'line', data: [1] }] });
  });

  it('does not animate for a reader who prefers reduced motion', () => {
    prefersReducedMotion(true);
    const { directive } = render();

    expect(directive.options()).toMatchObject({ animation: false });
  });
});
