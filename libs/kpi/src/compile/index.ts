// Public API of the indicator compiler: see README.md in this folder.
export { compileIndicator, type CompiledIndicator, type CompileOptions, type TableOf } from './indicator.compiler';
export { quoteIdentifier, quoteString, quoteStringList } from './sql-quoting';
export { latestOf, statusOf } from './indicator-status';
export { compileIndicatorsForSource, type CompiledBatch, type CompiledBatches } from './source-batch.compiler';
