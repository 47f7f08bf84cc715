export * from './engine.types';
export * from './kpi-engine';
export { shiftPeriod } from './period-shift';
export { columnsReadBy, type ColumnRead } from './columns-read';
