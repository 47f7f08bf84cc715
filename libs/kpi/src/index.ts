// Public API of the KPI engine: see README.md.
export * from './compile/index';
export * from './guard/index';
export * from './engine/index';
export * from './sandbox/index';
export * from './sources/index';
