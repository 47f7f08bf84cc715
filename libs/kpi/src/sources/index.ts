export * from './source-limits';
export * from './source-load.error';
export * from './source-loader';
export * from './source-store';
export * from './source-version';
export * from './source-preview';
export type { DescribedColumn } from './source-reader';
