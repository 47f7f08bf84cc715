export * from './engine.types';
export * from './kpi-engine';
// The period arithmetic is the domain's; exported here too for the engine's callers.
export { shiftPeriod } from '@koers/domain';
