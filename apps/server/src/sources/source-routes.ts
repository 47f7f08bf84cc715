import type { Readable } from 'node:stream';
import { type ApiContext, authorizeSourceUpload, type SourceUploadRoute } from '@koers/api';
import { identifierPattern, SourceCommandRefused, type SourceFormat, type Viewer } from '@koers/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenFeature } from '../tokens/token-feature';
import { publicJob } from './source-catalog.reader';
import type { SourceJobs } from './source-jobs';
import { UploadRefused } from './source-jobs';
import { formatOfContentType, formatOfFileName, uploadContentTypes } from './upload-format';
import { problemLine } from './upload-preview';

/** What the upload routes reach once the server is ready. */
export interface SourceRouteDependencies {
  readonly jobs: () => SourceJobs | undefined;
  readonly tokens: TokenFeature;
  readonly contextOf: (request: FastifyRequest) => Promise<ApiContext>;
  readonly uploadLimitBytes: number;
}

type Params = { municipalityId: string; sourceId?: string };

/**
 * The two routes that take a source file, streamed to disk and never held
 * whole in memory:
 *
 * - `POST /api/<municipality>/uploads[?source=<id>]` (the dashboard): the
 *   file is received and previewed; 201 with the job (`previewed`), or 422
 *   with the job and its problem when the file does not load.
 * - `POST /api/<municipality>/sources/<source>/versions` (scripts): received,
 *   previewed, put in place and computed in one request; 201 `{ version,
 *   rows, sha256 }` once loaded and recomputed, 400 or 422 `{ error }` when
 *   the file does not load (the previous version keeps serving).
 *
 * Both take the file as the request body (`text/csv`,
 * `application/vnd.apache.parquet`, `application/json`,
 * `application/x-ndjson`) or as the multipart field `file`, whose file name
 * is never used (one with a folder in it is refused). 413 past the limit,
 * 401 and 403 by the access table, checked before the body is read, with the
 * session cookie (under the CSRF rule) or a personal API token
 * (`Authorization: Bearer …`).
 */
export async function registerSourceRoutes(app: FastifyInstance, dependencies: SourceRouteDependencies): Promise<void> {
  await app.register(async (scope) => {
    // The body is left unread for the handler to stream (Fastify's own JSON and text parsers would buffer it).
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    scope.addContentTypeParser([...Object.keys(uploadContentTypes), 'application/octet-stream'], (_request, payload, done) => done(null, payload));
    scope.post<{ Params: Params; Querystring: { source?: string } }>('/api/:municipalityId/uploads', (request, reply) =>
      handleUpload(request, reply, dependencies, 'POST /api/:municipalityId/uploads', request.query.source ?? null),
    );
    scope.post<{ Params: Params }>('/api/:municipalityId/sources/:sourceId/versions', (request, reply) =>
      handleUpload(request, reply, dependencies, 'POST /api/:municipalityId/sources/:sourceId/versions', request.params.sourceId ?? null),
    );
  });
}

async function handleUpload(
  request: FastifyRequest<{ Params: Params }>,
  reply: FastifyReply,
  { jobs: jobsOf, tokens, contextOf, uploadLimitBytes }: SourceRouteDependencies,
  route: SourceUploadRoute,
  sourceId: string | null,
) {
  const { municipalityId } = request.params;
  const jobs = jobsOf();
  if (jobs === undefined) return refuse(reply, 503, 'Koers start nog; probeer het zo opnieuw.');
  const bearer = await tokens.viewerOfRequest(request);
  if (bearer === 'invalid') return refuse(reply, 401, 'Deze API-sleutel is onbekend of ingetrokken: maak in het dashboard (API-sleutels) een nieuwe.');
  const context = await contextOf(request);
  const viewer: Viewer | null = bearer ?? context.viewer;
  const access = await authorizeSourceUpload({ ...context, viewer }, route, municipalityId);
  if (access.kind !== 'allowed') return refuse(reply, access.kind === 'unauthorized' ? 401 : access.kind === 'forbidden' ? 403 : 404, access.message);
  if (sourceId !== null && !identifierPattern.test(sourceId)) {
    return refuse(reply, 400, `"${sourceId}" is geen id van een bron: een id begint met a-z en bevat alleen a-z, 0-9, "_" en "-".`);
  }
  const signedIn = viewer as Viewer;
  try {
    const { body, sent } = await bodyOf(request, uploadLimitBytes);
    const target = await jobs.uploadTarget(municipalityId, sourceId, sent);
    const job = await jobs.receive(municipalityId, target, body, sent, uploadLimitBytes, signedIn);
    if (route === 'POST /api/:municipalityId/uploads') {
      return reply.status(job.state === 'failed' ? 422 : 201).header('cache-control', 'no-store').send({ job: publicJob(job), ...(job.problem && { error: problemLine(job.problem) }) });
    }
    if (job.state === 'failed' || job.problem !== null) return sendProblem(reply, job.problem);
    await jobs.publishUpload(municipalityId, job.id, signedIn);
    const finished = await jobs.whenFinished(municipalityId, job.id);
    if (finished.state !== 'done') return sendProblem(reply, finished.problem);
    return reply.status(201).header('cache-control', 'no-store').send({ version: finished.version, rows: finished.rowCount, sha256: finished.sha256 });
  } catch (error) {
    if (error instanceof UploadRefused) return refuse(reply, error.status, error.message);
    if (error instanceof SourceCommandRefused) return refuse(reply, error.reason === 'invalid' ? 422 : 409, error.message);
    if (isTooLarge(error)) return refuse(reply, 413, `Het bestand is groter dan de grens voor een upload (KOERS_UPLOAD_LIMIT).`);
    throw error;
  }
}

/**
 * The file's stream and the format it is sent as: the body itself with its
 * Content-Type, or the multipart field `file` (its type, else its name's
 * extension, decides the format; the name itself is never used).
 */
async function bodyOf(request: FastifyRequest, limitBytes: number): Promise<{ body: Readable; sent: SourceFormat }> {
  if (request.isMultipart()) {
    // preservePath: the name as sent, so one with a folder in it is refused rather than quietly cut to its last part.
    const part = await request.file({ limits: { fileSize: limitBytes + 1, files: 1, fields: 5 }, preservePath: true });
    if (part === undefined) throw new UploadRefused(400, 'Er zit geen bestand in dit formulier: stuur het als multipart-veld "file".');
    if (part.fieldname !== 'file') throw new UploadRefused(400, `Het bestand staat in het veld "${part.fieldname}": stuur het als multipart-veld "file".`);
    if (/[/\\]|\.\./.test(part.filename) || part.filename.includes('\0')) {
      throw new UploadRefused(400, `De bestandsnaam "${part.filename}" bevat een map (/, \\ of ..): Koers kiest zelf waar en onder welke naam het bestand komt. Stuur alleen de naam van het bestand.`);
    }
    const sent = formatOfContentType(part.mimetype) ?? formatOfFileName(part.filename);
    if (sent === undefined) throw new UploadRefused(415, unsupported(part.mimetype));
    return { body: part.file, sent };
  }
  const sent = formatOfContentType(request.headers['content-type']);
  if (sent === undefined) throw new UploadRefused(415, unsupported(request.headers['content-type']));
  const declaredLength = Number(request.headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > limitBytes) throw new UploadRefused(413, `Het bestand (${declaredLength} bytes) is groter dan de grens voor een upload van ${limitBytes} bytes (KOERS_UPLOAD_LIMIT): filter of splits de gegevens, of laat de beheerder de grens verhogen.`);
  return { body: request.body as Readable, sent };
}

function unsupported(contentType: string | undefined): string {
  return `Dit soort bestand (${contentType ?? 'geen Content-Type'}) neemt Koers niet aan: stuur text/csv, application/vnd.apache.parquet, application/json of application/x-ndjson, als inhoud van het verzoek of als multipart-veld "file".`;
}

function sendProblem(reply: FastifyReply, problem: { readonly file: string; readonly line?: number; readonly column?: string; readonly message: string } | null) {
  const error = problem === null ? 'Het bestand laadt niet; de vorige versie blijft in gebruik.' : `Het bestand laadt niet: ${problemLine(problem)}`;
  return reply.status(422).header('cache-control', 'no-store').send({ error, ...(problem && { problem }) });
}

/** A refusal; the connection closes after it, so the rest of a large body is not read (or waited for). */
function refuse(reply: FastifyReply, status: number, error: string) {
  return reply.status(status).header('connection', 'close').header('cache-control', 'no-store').send({ error });
}

function isTooLarge(error: unknown): boolean {
  return (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
}
