import { type ApiContext, buildReportCsv, type ExportAnswer, notPublic, type PublishedReport, readPublicReport, readPublicReportIndex, readReportExport, toPublicReport } from '@koers/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildReportWorkbook } from '../reports/report-xlsx';
import { renderReportPdf } from '../reports/report-pdf';
import { sendRefusal } from './api-exports.route';

/** The formats a published report is exported in. */
const formats = ['json', 'csv', 'xlsx', 'pdf'] as const;
type Format = (typeof formats)[number];

interface ReportFileParams {
  readonly municipalityId: string;
  readonly file: string;
}

/**
 * The quarterly reports over plain HTTP, under the access table's rules:
 *
 * - `GET /api/<municipality-id>/reports/<quarter>.<json|csv|xlsx|pdf>[?version=N]`: a
 *   published version for whoever may read the municipality's reports (401,
 *   403, 404 for one that is not published);
 * - `GET /public/<municipality-id>/reports.json` and
 *   `GET /public/<municipality-id>/reports/<quarter>.<json|pdf>[?version=N]`: the
 *   same numbers for everyone, where the municipality publishes its reports;
 *   any other answers 404 exactly as a report that does not exist;
 * - `GET /public/<municipality-id>/reports/<quarter>` (no extension) is the
 *   dashboard's public page: handed on to the dashboard.
 */
export function registerReportRoutes(app: FastifyInstance, contextOf: (request: FastifyRequest) => Promise<ApiContext>): void {
  app.get<{ Params: ReportFileParams; Querystring: { version?: string } }>('/api/:municipalityId/reports/:file', async (request, reply) => {
    const { municipalityId, file } = request.params;
    const wanted = splitFile(file);
    if (wanted === null) return reply.status(404).send({ error: `Niet gevonden: alleen /api/${municipalityId}/reports/<kwartaal>.${formats.join('|')} bestaat hier.` });
    const version = versionOf(request.query.version);
    if (version === 'invalid') return reply.status(400).send({ error: 'version moet een geheel getal van 1 of meer zijn.' });
    const answer = await readReportExport(await contextOf(request), municipalityId, wanted.quarter, version);
    return sendReport(reply, answer, wanted.format, `${municipalityId}-${wanted.quarter}`);
  });

  app.get<{ Params: { municipalityId: string } }>('/public/:municipalityId/reports.json', async (request, reply) => {
    const answer = await readPublicReportIndex(await contextOf(request), request.params.municipalityId);
    if (answer.kind !== 'found') return sendRefusal(reply, answer);
    return reply.header('cache-control', 'no-cache').send(answer.body);
  });

  app.get<{ Params: ReportFileParams; Querystring: { version?: string } }>('/public/:municipalityId/reports/:file', async (request, reply) => {
    const { municipalityId, file } = request.params;
    // The page itself is the dashboard's.
    if (!file.includes('.')) return reply.callNotFound();
    const wanted = splitFile(file);
    const version = versionOf(request.query.version);
    if (wanted === null || (wanted.format !== 'json' && wanted.format !== 'pdf') || version === 'invalid') return sendRefusal(reply, notPublic);
    return sendReport(reply, await readPublicReport(await contextOf(request), municipalityId, wanted.quarter, version), wanted.format, `${municipalityId}-${wanted.quarter}`);
  });
}

function splitFile(file: string): { readonly quarter: string; readonly format: Format } | null {
  const dot = file.lastIndexOf('.');
  const format = file.slice(dot + 1);
  return dot > 0 && (formats as readonly string[]).includes(format) ? { quarter: file.slice(0, dot), format: format as Format } : null;
}

function versionOf(text: string | undefined): number | undefined | 'invalid' {
  if (text === undefined) return undefined;
  return /^[1-9]\d{0,5}$/.test(text) ? Number(text) : 'invalid';
}

async function sendReport(reply: FastifyReply, answer: ExportAnswer<PublishedReport>, format: Format, name: string) {
  if (answer.kind !== 'found') return sendRefusal(reply, answer);
  const { snapshot, versions } = answer.body;
  // A correction replaces the latest version: revalidate, never keep.
  reply.header('cache-control', 'no-cache');
  const file = `${name}-v${snapshot.version}.${format}`;
  if (format === 'csv') {
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(buildReportCsv(snapshot));
  }
  if (format === 'xlsx') {
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${file}"`)
      .send(await buildReportWorkbook(snapshot));
  }
  if (format === 'pdf') {
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${file}"`).send(await renderReportPdf(snapshot));
  }
  return reply.send(toPublicReport(snapshot, versions));
}

