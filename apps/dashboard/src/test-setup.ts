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
