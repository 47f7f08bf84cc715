// Test helpers for the API and the dashboard's specs: the real appRouter over a catalog in memory.
export * from './in-memory-catalog';
export * from './in-memory-commands';
export * from './stored-indicator.fixture';
export * from './sample-audit';
export * from './sample-catalog';
export * from './in-memory-sources';
export * from './in-memory-api-tokens';
export * from './in-memory-indicator-editor';
export * from './in-memory-work';
export * from './in-memory-reports';
export * from './sample-reports';
