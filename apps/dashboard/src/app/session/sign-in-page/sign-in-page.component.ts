import { afterNextRender, ChangeDetectionStrategy, Component, computed, type ElementRef, inject, Injector, input, PendingTasks, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { pageTitle } from '../../layout/page-title';
import { InstallationStore } from '../../system/installation.store';
import type { FieldProblem } from '../auth-client';
import { demoAccounts, demoPassword } from '../demo-accounts';
import { safeReturnPath } from '../return-path';
import { SessionStore } from '../session.store';

type Field = 'email' | 'password';

/**
 * `/aanmelden`: e-mail address and password, the identity provider's button
 * when the installation has one, and why the user is here (`?fout=`: the
 * identity provider failed or does not know them, or the session expired).
 * Afterwards the user goes on to `?terug=` (a path on this site) or the start.
 * In demo mode it lists the demo accounts and their password.
 */
@Component({
  selector: 'koers-sign-in-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  templateUrl: './sign-in-page.component.html',
  styleUrl: './sign-in-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPageComponent {
  /** `?terug=`: where the user was going. */
  readonly terug = input<string>();
  /** `?fout=`: why the user was sent here (`mislukt`, `geen-toegang`, `verlopen`). */
  readonly fout = input<string>();

  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly installation = inject(InstallationStore);
  protected readonly demoAccounts = demoAccounts;
  protected readonly demoPassword = demoPassword;

  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');
  private readonly problemBox = viewChild<ElementRef<HTMLElement>>('problemBox');

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true }),
    password: new FormControl('', { nonNullable: true }),
  });

  /** The server's message per field, after a 400. */
  protected readonly fieldMessages = signal<Partial<Record<Field, string>>>({});
  /** What went wrong with the whole attempt (401, 429, no answer), above the form. */
  protected readonly problem = signal<string | null>(null);
  protected readonly isBusy = signal(false);

  /** The identity provider's name on its button and in its messages. */
  private readonly providerName = computed(() => this.installation.identityProvider()?.label ?? 'de identiteitsprovider');

  /** Why the user is on this page, from `?fout=`. */
  protected readonly reason = computed(() => {
    switch (this.fout()) {
      case 'mislukt':
        return `Aanmelden via ${this.providerName()} is mislukt. Probeer het opnieuw, of meld u aan met uw e-mailadres en wachtwoord.`;
      case 'geen-toegang':
        return `U bent bij ${this.providerName()} aangemeld, maar Koers kent u nog niet als gebruiker. Vraag de beheerder van Koers in uw gemeente om toegang.`;
      case 'verlopen':
        return 'Uw sessie is verlopen of elders beëindigd. Meld u opnieuw aan; daarna gaat u verder waar u was.';
      default:
        return null;
    }
  });

  constructor() {
    pageTitle(() => 'Aanmelden');
  }

  protected signIn(): void {
    if (this.isBusy()) return;
    // A pending task: the app is not stable until the attempt has ended (and tests wait for it).
    void this.pendingTasks.run(() => this.attemptSignIn());
  }

  private async attemptSignIn(): Promise<void> {
    this.isBusy.set(true);
    this.problem.set(null);
    this.showFieldProblems([]);
    const { email, password } = this.form.getRawValue();
    const outcome = await this.session.signIn(email, password);
    if (outcome.kind === 'signed_in') {
      await this.router.navigateByUrl(safeReturnPath(this.terug()));
      return;
    }
    this.isBusy.set(false);
    if (outcome.kind === 'invalid' && outcome.fields.some((field) => isField(field.path))) {
      this.showFieldProblems(outcome.fields);
      return;
    }
    this.problem.set(outcome.message);
    // The message is announced (role="alert"); focus goes there too, so the reader starts from it.
    afterNextRender(() => this.problemBox()?.nativeElement.focus(), { injector: this.injector });
  }

  /** Puts each of the server's messages next to its field, and focus in the first field to fix. */
  private showFieldProblems(problems: readonly FieldProblem[]): void {
    const messages: Partial<Record<Field, string>> = {};
    for (const problem of problems) {
      if (isField(problem.path)) messages[problem.path] ??= capitalise(problem.message);
    }
    this.fieldMessages.set(messages);
    for (const field of ['email', 'password'] as const) {
      const control = this.form.controls[field];
      const message = messages[field];
      control.setErrors(message === undefined ? null : { server: message });
      if (message !== undefined) control.markAsTouched();
    }
    const first = messages.email !== undefined ? this.emailInput() : messages.password !== undefined ? this.passwordInput() : null;
    first?.nativeElement.focus();
  }
}

function isField(path: string): path is Field {
  return path === 'email' || path === 'password';
}

function capitalise(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
