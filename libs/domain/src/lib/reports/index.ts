export * from './report';
export * from './report-snapshot';
export * from './motion';
export * from './report-question';
export * from './report-ports';
export * from './report-views';
