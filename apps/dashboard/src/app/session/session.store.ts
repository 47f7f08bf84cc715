import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { Viewer } from '@koers/domain';
import { KOERS_CLIENT } from '../api/koers-client';
import { AuthClient, type SignInOutcome } from './auth-client';
import { signInUrl } from './return-path';

/**
 * Who is signed in, for the whole app: `session.me` asked once, then kept up
 * to date by signing in and out here, and by the API client, which reports an
 * UNAUTHORIZED answer (the session expired or was ended elsewhere).
 * Stores of user data key on {@link viewer}, so what one user loaded is gone
 * when another signs in.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly client = inject(KOERS_CLIENT);
  private readonly auth = inject(AuthClient);
  private readonly router = inject(Router);

  /** undefined until the server was asked; null when nobody is signed in. */
  private readonly state = signal<Viewer | null | undefined>(undefined);
  private asking: Promise<Viewer | null> | null = null;

  /** The signed-in user with their grants; null when nobody is, undefined until known. */
  readonly viewer = this.state.asReadonly();

  /** The signed-in user's id, or null: what stores of user data key on. */
  readonly userId = computed(() => this.state()?.userId ?? null);

  /**
   * Who is signed in, asking the server the first time. When the server
   * cannot say (unreachable, starting), nobody: the sign-in page then tells
   * what went wrong when the user tries.
   */
  load(): Promise<Viewer | null> {
    const known = this.state();
    if (known !== undefined) return Promise.resolve(known);
    this.asking ??= this.client.session.me
      .query()
      .catch(() => null)
      .then((viewer) => {
        // A sign-in that finished while the question was under way wins.
        if (this.state() === undefined) this.state.set(viewer);
        this.asking = null;
        return this.state() ?? null;
      });
    return this.asking;
  }

  /** Signs in with e-mail address and password; on success the app knows the user at once. */
  async signIn(email: string, password: string): Promise<SignInOutcome> {
    const outcome = await this.auth.signIn(email, password);
    if (outcome.kind === 'signed_in') this.state.set(outcome.viewer);
    return outcome;
  }

  /**
   * Ends the session on the server, forgets the user and opens the sign-in
   * page. Resolves to false, keeping the user signed in, when the server
   * could not confirm it: the session would otherwise live on unseen.
   */
  async signOut(): Promise<boolean> {
    if (!(await this.auth.signOut())) return false;
    this.state.set(null);
    await this.router.navigateByUrl('/aanmelden');
    return true;
  }

  /**
   * The server answered UNAUTHORIZED: forgets the user and opens the sign-in
   * page, which says the session ended and leads back here afterwards. Once,
   * however many requests were refused together.
   */
  expired(): void {
    if (this.state() === null) return;
    this.state.set(null);
    const here = this.router.url;
    void this.router.navigateByUrl(signInUrl(here, 'verlopen'));
  }
}
