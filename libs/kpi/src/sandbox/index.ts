export * from './query-timeout';
export * from './sandbox-database';
