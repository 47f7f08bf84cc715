import { vi } from 'vitest';

// The first test of a file starts Material, the router and the real API in memory; on
// two shared cores that alone can pass vitest's default 5 s. A hang still fails.
vi.setConfig({ testTimeout: 20_000 });

// jsdom has no ResizeObserver; ngx-echarts observes its host's size as soon as a
// chart is rendered, so tests of components with charts need a stand-in. It never
// reports a size change, which is what a chart in a test needs.
class ResizeObserverStandIn implements ResizeObserver {
  observe(): void {
    /* jsdom lays nothing out, so there is never a size to report */
  }
  unobserve(): void {
    /* nothing observed, nothing to stop */
  }
  disconnect(): void {
    /* nothing observed, nothing to stop */
  }
}

if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = ResizeObserverStandIn;
}
