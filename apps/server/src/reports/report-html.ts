import { actionStandingWords, indicatorStatusWords, motionPointStatusWords, quarterWords } from '@koers/api';
import type { ReportSnapshot, SnapshotIndicator } from '@koers/domain';

const chartWidth = 240;
const chartHeight = 64;

/** Text for HTML: nothing in a report's text is markup. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** A number the Dutch way: `-3,5`, `1.234`. */
export function dutchNumber(value: number, decimals: number | null): string {
  return new Intl.NumberFormat('nl-NL', decimals === null ? { maximumFractionDigits: 4 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A day the Dutch way, in Amsterdam: `20 oktober 2025`. */
function dutchDate(iso: string): string {
  const moment = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso;
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(moment));
}

/** An indicator's values as a small SVG line with its target as a dashed line, for print. */
function chartOf(indicator: SnapshotIndicator): string {
  const points = indicator.values.filter((value): value is { period: string; value: number } => value.value !== null);
  if (points.length < 2) return '<p class="no-chart">Te weinig waarden voor een grafiek.</p>';
  const numbers = [...points.map((point) => point.value), ...(indicator.target === null ? [] : [indicator.target])];
  const low = Math.min(...numbers);
  const span = Math.max(...numbers) - low || 1;
  const x = (index: number) => 4 + (index * (chartWidth - 8)) / (points.length - 1);
  const y = (value: number) => chartHeight - 4 - ((value - low) / span) * (chartHeight - 8);
  const line = points.map((point, index) => `${x(index).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  const target =
    indicator.target === null ? '' : `<line x1="4" x2="${chartWidth - 4}" y1="${y(indicator.target).toFixed(1)}" y2="${y(indicator.target).toFixed(1)}" class="target" />`;
  const first = points[0] as { period: string; value: number };
  const last = points.at(-1) as { period: string; value: number };
  const label = `Verloop van ${first.period} tot ${last.period}: van ${dutchNumber(first.value, indicator.decimals)} naar ${dutchNumber(last.value, indicator.decimals)}`;
  return `<svg class="chart" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${chartWidth} ${chartHeight}" width="${chartWidth}" height="${chartHeight}">${target}<polyline points="${line}" /></svg>`;
}

/**
 * A published report as one printable HTML page (A4): per program its effects
 * with each indicator's value, status, target and chart, the explanations and
 * the commentary, the actions with their standing; then the motions. What the
 * PDF prints.
 */
export function renderReportHtml(snapshot: ReportSnapshot): string {
  const indicators = new Map(snapshot.indicators.map((indicator) => [indicator.id, indicator]));
  const programs = snapshot.programs
    .map((program) => {
      const effects = program.effects
        .map((effect) => {
          const rows = effect.indicatorIds
            .map((id) => indicators.get(id))
            .filter((indicator): indicator is SnapshotIndicator => indicator !== undefined)
            .map(
              (indicator) => `<tr>
  <th scope="row">${escapeHtml(indicator.title)}</th>
  <td class="number">${indicator.latest?.value == null ? '—' : `${dutchNumber(indicator.latest.value, indicator.decimals)} ${escapeHtml(indicator.unit)}`}</td>
  <td class="period">${indicator.latest === null ? '' : escapeHtml(indicator.latest.period)}</td>
  <td class="number">${indicator.target === null ? '—' : dutchNumber(indicator.target, indicator.decimals)}</td>
  <td>${escapeHtml(indicatorStatusWords[indicator.status])}</td>
  <td>${chartOf(indicator)}</td>
</tr>`,
            )
            .join('\n');
          const explanation =
            effect.explanation === null
              ? ''
              : `<dl class="explanation"><dt>Oorzaak</dt><dd>${escapeHtml(effect.explanation.cause)}</dd><dt>Gevolg</dt><dd>${escapeHtml(effect.explanation.consequence)}</dd><dt>Bijsturing</dt><dd>${escapeHtml(effect.explanation.correction)}</dd></dl>`;
          const commentary = effect.commentary === null ? '' : `<blockquote>${escapeHtml(effect.commentary.text)} — ${escapeHtml(effect.commentary.authorName)}</blockquote>`;
          return `<section class="effect"><h3>${escapeHtml(effect.title)}</h3>
${rows === '' ? '' : `<table><thead><tr><th>Indicator</th><th>Waarde</th><th>Periode</th><th>Streefwaarde</th><th>Status</th><th>Verloop</th></tr></thead><tbody>${rows}</tbody></table>`}
${explanation}${commentary}</section>`;
        })
        .join('\n');
      const actions = program.tasks.flatMap((task) => task.actions);
      const actionTable =
        actions.length === 0
          ? ''
          : `<table class="actions"><thead><tr><th>Actie</th><th>Stand</th><th>Gereed</th></tr></thead><tbody>${actions
              .map(
                (action) =>
                  `<tr><th scope="row">${escapeHtml(action.title)}</th><td>${escapeHtml(actionStandingWords[action.standing])}</td><td class="number">${action.progress === null ? '—' : `${action.progress.percent}%`}</td></tr>`,
              )
              .join('')}</tbody></table>`;
      return `<section class="program"><h2>${escapeHtml(program.title)}</h2>${effects}${actionTable}</section>`;
    })
    .join('\n');
  const motions = snapshot.motions
    .map(
      (motion) =>
        `<section class="motion"><h3>${escapeHtml(motion.reference)}: ${escapeHtml(motion.title)}</h3><ol>${motion.points
          .map((point) => `<li>${escapeHtml(point.text)} <strong>${escapeHtml(motionPointStatusWords[point.status])}</strong>${point.response === null ? '' : `<br />${escapeHtml(point.response)}`}</li>`)
          .join('')}</ol></section>`,
    )
    .join('\n');
  const title = `Kwartaalrapportage ${quarterWords(snapshot.quarter)} — ${snapshot.municipality.name}`;
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8" /><title>${escapeHtml(title)}</title>
<style>
  @page { size: A4; margin: 16mm 14mm; }
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 9.5pt; color: #1a1a1a; }
  h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; border-bottom: 1.5pt solid #555; padding-bottom: 2pt; margin-top: 14pt; page-break-after: avoid; }
  h3 { font-size: 10.5pt; margin: 8pt 0 4pt; page-break-after: avoid; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0; page-break-inside: auto; } tr { page-break-inside: avoid; }
  th, td { text-align: left; padding: 2pt 4pt; border-bottom: 0.5pt solid #ccc; vertical-align: middle; } thead th { font-size: 8pt; color: #444; }
  td.number, td.period { text-align: right; white-space: nowrap; }
  svg.chart polyline { fill: none; stroke: #1d4f91; stroke-width: 2; } svg.chart line.target { stroke: #b35c00; stroke-width: 1; stroke-dasharray: 4 3; }
  dl.explanation { margin: 4pt 0; } dl.explanation dt { font-weight: bold; } dl.explanation dd { margin: 0 0 3pt 12pt; }
  blockquote { margin: 4pt 0; padding-left: 8pt; border-left: 2pt solid #888; }
  .meta { color: #444; margin: 0 0 10pt; }
</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Versie ${snapshot.version}, gepubliceerd op ${escapeHtml(dutchDate(snapshot.publishedAt))}${snapshot.publishedBy === null ? '' : ` door ${escapeHtml(snapshot.publishedBy)}`}. Cijfers tot en met ${escapeHtml(dutchDate(snapshot.quarterEnd))}.${
    snapshot.correctionReason === null ? '' : ` Correctie: ${escapeHtml(snapshot.correctionReason)}`
  }</p>
${programs}
${motions === '' ? '' : `<h2>Moties en toezeggingen</h2>${motions}`}
</body></html>`;
}
