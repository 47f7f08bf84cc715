// Public API of the KPI engine: see README.md.
export * from './sandbox/index';
export * from './sources/index';
