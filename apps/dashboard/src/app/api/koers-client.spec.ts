import { describe, expect, it } from 'vitest';
import { uithoornGovernance } from '@koers/api/testing';
import { describeApiError, isRetryable } from './api-error';
import { createKoersClient } from './koers-client';

/** A `fetch` that records each request and answers with one canned tRPC batch response. */
function answering(status: number, body: unknown) {
  const requests: string[] = [];
  const headers: Headers[] = [];
  const fetchStandIn: typeof fetch = async (input, init) => {
    requests.push(String(input));
    headers.push(new Headers(init?.headers));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { requests, headers, fetch: fetchStandIn };
}

describe('createKoersClient', () => {
  it('asks programs.list for the municipality over HTTP GET and returns the programs', async () => {
    const server = answering(200, [{ result: { data: [uithoornGovernance] } }]);
    const client = createKoersClient({ url: '/trpc', fetch: server.fetch });

    const programs = await client.programs.list.query({ municipalityId: 'uithoorn' });

    expect(programs).toEqual([uithoornGovernance]);
    expect(server.requests).toHaveLength(1);
    const url = new URL(server.requests[0] ?? '', 'http://koers.test');
    expect(url.pathname).toBe('/trpc/programs.list');
    expect(url.searchParams.get('batch')).toBe('1');
    expect(JSON.parse(url.searchParams.get('input') ?? '')).toEqual({ '0': { municipalityId: 'uithoorn' } });
  });

  it('says with every request that it comes from Koers (X-Koers-Request: 1)', async () => {
    const server = answering(200, [{ result: { data: { mode: 'demo', identityProvider: null } } }]);
    const client = createKoersClient({ url: '/trpc', fetch: server.fetch });

    await client.system.info.query();

    expect(server.headers[0]?.get('x-koers-request')).toBe('1');
  });

  it('reports an UNAUTHORIZED answer (the session ended) and still fails the call', async () => {
    const server = answering(401, [
      { error: { message: 'Meld u aan om Koers te gebruiken.', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401 } } },
    ]);
    let reported = 0;
    const client = createKoersClient({ url: '/trpc', fetch: server.fetch, onUnauthorized: () => (reported += 1) });

    const error = await client.municipalities.list.query().catch((caught: unknown) => caught);

    expect(reported).toBe(1);
    expect(describeApiError(error)).toBe('Uw sessie is verlopen. Meld u opnieuw aan.');
    expect(isRetryable(error)).toBe(false);
  });

  it('reports nothing for another refusal', async () => {
    const server = answering(403, [
      { error: { message: 'U heeft geen toegang tot deze gegevens van gemeente "diemen".', code: -32003, data: { code: 'FORBIDDEN', httpStatus: 403 } } },
    ]);
    let reported = 0;
    const client = createKoersClient({ url: '/trpc', fetch: server.fetch, onUnauthorized: () => (reported += 1) });

    const error = await client.overview.get.query({ municipalityId: 'diemen' }).catch((caught: unknown) => caught);

    expect(reported).toBe(0);
    expect(describeApiError(error)).toBe('U heeft geen toegang tot deze gegevens van gemeente "diemen".');
  });

  it('sends calls made together as one batched request', async () => {
    const server = answering(200, [
      { result: { data: [{ id: 'uithoorn', name: 'Uithoorn' }] } },
      { result: { data: [] } },
    ]);
    const client = createKoersClient({ url: '/trpc', fetch: server.fetch });

    const [municipalities, programs] = await Promise.all([
      client.municipalities.list.query(),
      client.programs.list.query({ municipalityId: 'diemen' }),
    ]);

    expect(municipalities).toEqual([{ id: 'uithoorn', name: 'Uithoorn' }]);
    expect(programs).toEqual([]);
    expect(server.requests.map((request) => new URL(request, 'http://koers.test').pathname)).toEqual([
      '/trpc/municipalities.list,programs.list',
    ]);
  });

  it("shows the server's own Dutch message for a municipality it does not serve", async () => {
    const message = 'Gemeente "amsterdam" bestaat niet in deze installatie.';
    const server = answering(404, [
      { error: { message, code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404, path: 'programs.list' } } },
    ]);
    const client = createKoersClient({ url: '/trpc', fetch: server.fetch });

    const error = await client.programs.list.query({ municipalityId: 'amsterdam' }).catch((caught: unknown) => caught);

    expect(describeApiError(error)).toBe(`${message} Kies een gemeente in de lijst bovenaan.`);
    expect(isRetryable(error)).toBe(false);
  });

  it('explains a malformed address without showing the validation details', async () => {
    const server = answering(400, [
      {
        error: { message: '[{"code":"invalid_format"}]', code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400 } },
      },
    ]);
    const client = createKoersClient({ url: '/trpc', fetch: server.fetch });

    const error = await client.programs.list.query({ municipalityId: 'Not An Id' }).catch((caught: unknown) => caught);

    expect(describeApiError(error)).toBe(
      'Dit adres verwijst niet naar een bestaande pagina. Kies een gemeente in de lijst bovenaan.',
    );
  });

  it('says the server cannot be reached when the request fails on the way', async () => {
    const unreachable: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const client = createKoersClient({ url: '/trpc', fetch: unreachable });

    const error = await client.municipalities.list.query().catch((caught: unknown) => caught);

    expect(describeApiError(error)).toBe(
      'De server van Koers is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
    );
    expect(isRetryable(error)).toBe(true);
  });

  it("shows the server's message for an internal error: it names the id the server logged it under", async () => {
    const message = 'Er ging iets mis op de server (foutcode 1a2b3c4d). Probeer het later opnieuw of meld de foutcode.';
    const server = answering(500, [
      { error: { message, code: -32603, data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 } } },
    ]);
    const client = createKoersClient({ url: '/trpc', fetch: server.fetch });

    const error = await client.municipalities.list.query().catch((caught: unknown) => caught);

    expect(describeApiError(error)).toBe(message);
    expect(isRetryable(error)).toBe(true);
  });

  it('names the code of any other server failure', async () => {
    const server = answering(429, [
      { error: { message: 'slow down', code: -32029, data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 } } },
    ]);
    const client = createKoersClient({ url: '/trpc', fetch: server.fetch });

    const error = await client.municipalities.list.query().catch((caught: unknown) => caught);

    expect(describeApiError(error)).toBe(
      'De server kon de gegevens niet leveren (foutcode TOO_MANY_REQUESTS). Probeer het later opnieuw.',
    );
  });

  it('does not blame the server for an error of the dashboard itself', () => {
    expect(describeApiError(new RangeError('bug'))).toBe(
      'Er ging iets onverwachts mis in het dashboard. Probeer het opnieuw of laad de pagina opnieuw.',
    );
  });
});
