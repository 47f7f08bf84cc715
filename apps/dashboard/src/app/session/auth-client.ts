import { inject, Injectable, InjectionToken } from '@angular/core';
import type { Viewer } from '@koers/domain';
import { koersRequestHeaders } from '../api/koers-client';

/** The `fetch` the sign-in and sign-out requests use; specs answer them in memory. */
export const KOERS_FETCH = new InjectionToken<typeof fetch>('KoersFetch', {
  providedIn: 'root',
  factory: () => globalThis.fetch.bind(globalThis),
});

/** A field the server refused, with its message in Dutch (`email`: "is geen e-mailadres"). */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** How a sign-in ended. */
export type SignInOutcome =
  /** 200: the session cookie is set. */
  | { readonly kind: 'signed_in'; readonly viewer: Viewer }
  /** 400: a field to fix. */
  | { readonly kind: 'invalid'; readonly message: string; readonly fields: readonly FieldProblem[] }
  /** 401: wrong e-mail address or password (the server does not say which). */
  | { readonly kind: 'refused'; readonly message: string }
  /** 429: too many attempts; `retryAfterSeconds` from `Retry-After` when the server sent it. */
  | { readonly kind: 'rate_limited'; readonly message: string; readonly retryAfterSeconds: number | null }
  /** No answer, or one that is none of the above. */
  | { readonly kind: 'failed'; readonly message: string };

const unreachable = 'De server van Koers is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.';

/**
 * The server's sign-in routes (`POST /auth/login`, `POST /auth/logout`) on the
 * dashboard's own origin. They are plain HTTP, not tRPC: the session cookie is
 * HttpOnly, so only the server sets and clears it.
 */
@Injectable({ providedIn: 'root' })
export class AuthClient {
  private readonly fetch = inject(KOERS_FETCH);

  /** Signs in with e-mail address and password; never rejects. */
  async signIn(email: string, password: string): Promise<SignInOutcome> {
    let response: Response;
    try {
      response = await this.fetch('/auth/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...koersRequestHeaders, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    } catch {
      return { kind: 'failed', message: unreachable };
    }
    const body = await readJson(response);
    const error = typeof body?.['error'] === 'string' ? body['error'] : null;
    switch (response.status) {
      case 200:
        if (isViewer(body?.['user'])) return { kind: 'signed_in', viewer: body['user'] };
        return { kind: 'failed', message: 'De server gaf een onverwacht antwoord op de aanmelding. Probeer het opnieuw.' };
      case 400:
        return { kind: 'invalid', message: error ?? 'Controleer het e-mailadres en het wachtwoord.', fields: fieldProblems(body?.['fields']) };
      case 401:
        return { kind: 'refused', message: error ?? 'Het e-mailadres of het wachtwoord klopt niet.' };
      case 429:
        return rateLimited(response.headers.get('retry-after'));
      default:
        if (response.status >= 500 || error === null) {
          return { kind: 'failed', message: `Aanmelden lukte niet: de server antwoordde met foutcode ${response.status}. Probeer het later opnieuw.` };
        }
        return { kind: 'failed', message: error };
    }
  }

  /** Ends the session on the server; resolves to whether the server confirmed it. */
  async signOut(): Promise<boolean> {
    try {
      const response = await this.fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: koersRequestHeaders });
      return response.ok;
    } catch {
      return false;
    }
  }
}

/**
 * "Te veel aanmeldpogingen", with how long to wait in words. Written here from
 * `Retry-After`, not taken from the body: the server's two limits (per account,
 * per address) answer with different bodies, one of them in English.
 */
export function rateLimited(retryAfter: string | null): SignInOutcome {
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter.trim()) : null;
  const wait = seconds === null ? 'even' : waitInWords(seconds);
  return { kind: 'rate_limited', retryAfterSeconds: seconds, message: `Te veel aanmeldpogingen. Wacht ${wait} en probeer het dan opnieuw.` };
}

/** "1 minuut", "15 minuten", "30 seconden": a wait rounded up to what a reader can use. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 seconde' : `${seconds} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && 'path' in item && 'message' in item && typeof item.path === 'string' && typeof item.message === 'string'
      ? [{ path: item.path, message: item.message }]
      : [],
  );
}

function isViewer(value: unknown): value is Viewer {
  return (
    typeof value === 'object' &&
    value !== null &&
    'userId' in value &&
    typeof value.userId === 'string' &&
    'name' in value &&
    typeof value.name === 'string' &&
    'email' in value &&
    typeof value.email === 'string' &&
    'grants' in value &&
    Array.isArray(value.grants)
  );
}
