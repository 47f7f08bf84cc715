export * from './computation-state';
export * from './indicator-summary';
export * from './municipality-overview';
export * from './program-detail';
export * from './indicator-detail';
export * from './indicator-comparison';
