export * from './engine-host';
export * from './engine-stopped.error';
export { engineHostVariable } from './host-protocol';
export * from './local-session';
export { parseMemorySize } from './memory-size';
export * from './process-session';
export * from './query-timeout';
export * from './sandbox-database';
export * from './sandbox-session';
