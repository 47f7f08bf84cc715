import { escapeControlCharacters, type IndicatorDefinition } from '@koers/domain';
import type { ComputeOutput } from './compute.command';

/** Status words as a reader of the table expects them. */
const statusLabels: Readonly<Record<string, string>> = {
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  no_target: 'no target',
  no_data: 'no data',
};

/**
 * The readable form of `koers compute`: one row per indicator (latest period,
 * value at the indicator's display precision, target, status, the periods
 * computed), then the errors as `path: message` lines, one line each, with
 * control characters escaped (file names and messages come from the files).
 */
export function renderTable(output: ComputeOutput, definitions: ReadonlyMap<string, IndicatorDefinition>): string {
  const header = ['indicator', 'latest', 'value', 'target', 'status', 'periods'];
  const rows = output.indicators.map((result) => {
    const decimals = definitions.get(result.id)?.decimals;
    const format = (value: number | null | undefined) =>
      value === null || value === undefined ? '-' : decimals === undefined ? String(Number(value.toPrecision(6))) : value.toFixed(decimals);
    const periods = result.values.length === 0 ? '-' : `${result.values[0]?.period}..${result.values.at(-1)?.period} (${result.values.length})`;
    return [result.id, result.latest?.period ?? '-', format(result.latest?.value), format(result.target), statusLabels[result.status] ?? result.status, periods];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const isNumeric = (column: number) => column === 2 || column === 3;
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (isNumeric(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  const lines = [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
  if (rows.length === 0) lines.push('(no indicators computed)');
  if (output.errors.length > 0) {
    lines.push('', `${output.errors.length} error${output.errors.length === 1 ? '' : 's'}:`);
    for (const error of output.errors) lines.push(escapeControlCharacters(`${error.file}: ${error.message}`));
  }
  return `${lines.join('\n')}\n`;
}
