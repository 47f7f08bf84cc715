import { TestBed } from '@angular/core/testing';
import { describe, expect, it } from 'vitest';
import { AuthClient, KOERS_FETCH, waitInWords } from './auth-client';

/** A `fetch` that answers every request with `response`, recording what was asked. */
function answering(response: () => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetchStandIn: typeof fetch = async (input, init) => {
    requests.push({ url: String(input), init });
    return response();
  };
  TestBed.configureTestingModule({ providers: [{ provide: KOERS_FETCH, useValue: fetchStandIn }] });
  return { requests, auth: TestBed.inject(AuthClient) };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const viewer = { userId: 'u1', name: 'Proef', email: 'proef@koers.example', grants: [{ municipalityId: 'uithoorn', role: 'college' }] };

describe('AuthClient', () => {
  it('posts the credentials as JSON with X-Koers-Request and returns the user on 200', async () => {
    const { requests, auth } = answering(() => json(200, { user: viewer }));

    expect(await auth.signIn('proef@koers.example', 'geheim')).toEqual({ kind: 'signed_in', viewer });
    const [request] = requests;
    expect(request?.url).toBe('/auth/login');
    expect(request?.init?.method).toBe('POST');
    expect(request?.init?.credentials).toBe('same-origin');
    const headers = new Headers(request?.init?.headers);
    expect(headers.get('x-koers-request')).toBe('1');
    expect(headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(request?.init?.body))).toEqual({ email: 'proef@koers.example', password: 'geheim' });
  });

  it("passes the server's field messages on for a 400", async () => {
    const fields = [{ path: 'email', message: 'is geen e-mailadres' }];
    const { auth } = answering(() => json(400, { error: 'Aanmelden mislukt: email: is geen e-mailadres.', fields }));

    expect(await auth.signIn('proef', 'geheim')).toEqual({ kind: 'invalid', message: 'Aanmelden mislukt: email: is geen e-mailadres.', fields });
  });

  it("shows the server's message for a 401", async () => {
    const { auth } = answering(() => json(401, { error: 'Het e-mailadres of het wachtwoord klopt niet.' }));

    expect(await auth.signIn('proef@koers.example', 'fout')).toEqual({ kind: 'refused', message: 'Het e-mailadres of het wachtwoord klopt niet.' });
  });

  it('says how long to wait after a 429, from Retry-After, whatever the body says', async () => {
    const { auth } = answering(() => json(429, { message: 'Rate limit exceeded, retry in 1 minute' }, { 'retry-after': '840' }));

    expect(await auth.signIn('proef@koers.example', 'fout')).toEqual({
      kind: 'rate_limited',
      retryAfterSeconds: 840,
      message: 'Te veel aanmeldpogingen. Wacht 14 minuten en probeer het dan opnieuw.',
    });
  });

  it('says the server cannot be reached when the request fails on the way', async () => {
    const { auth } = answering(() => Promise.reject(new TypeError('fetch failed')));

    expect(await auth.signIn('proef@koers.example', 'geheim')).toEqual({
      kind: 'failed',
      message: 'De server van Koers is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
    });
  });

  it('names the status of an answer that is not JSON (a proxy, a server still starting)', async () => {
    const { auth } = answering(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));

    expect(await auth.signIn('proef@koers.example', 'geheim')).toEqual({
      kind: 'failed',
      message: 'Aanmelden lukte niet: de server antwoordde met foutcode 502. Probeer het later opnieuw.',
    });
  });

  it('signs out with a POST carrying X-Koers-Request, and says whether the server confirmed it', async () => {
    const { requests, auth } = answering(() => new Response(null, { status: 204 }));

    expect(await auth.signOut()).toBe(true);
    expect(requests[0]?.url).toBe('/auth/logout');
    expect(requests[0]?.init?.method).toBe('POST');
    expect(new Headers(requests[0]?.init?.headers).get('x-koers-request')).toBe('1');
  });

  it('says a sign-out was not confirmed when the server cannot be reached', async () => {
    const { auth } = answering(() => Promise.reject(new TypeError('fetch failed')));

    expect(await auth.signOut()).toBe(false);
  });
});

describe('waitInWords', () => {
  it('rounds a wait up to what a reader can use', () => {
    expect(waitInWords(1)).toBe('1 seconde');
    expect(waitInWords(30)).toBe('30 seconden');
    expect(waitInWords(60)).toBe('1 minuut');
    expect(waitInWords(61)).toBe('2 minuten');
    expect(waitInWords(900)).toBe('15 minuten');
  });
});
