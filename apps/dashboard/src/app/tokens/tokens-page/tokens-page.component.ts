import { ChangeDetectionStrategy, Component, computed, inject, input, PendingTasks, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CreatedApiToken } from '@koers/domain';
import { describeApiError } from '../../api/api-error';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { formatDateTime } from '../../format/dutch-format';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';

/**
 * `/:municipalityId/api-sleutels`: the signed-in data team member's personal
 * API tokens, for their own scripts. A new token's secret is shown once, with
 * a copy button; the list shows each token's name, start, when it was made
 * and last used; "Intrekken" ends one (it then answers 401).
 */
@Component({
  selector: 'koers-tokens-page',
  imports: [LoadStateComponent, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './tokens-page.component.html',
  styles: `
    .create {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: baseline;
    }
    .secret {
      display: grid;
      gap: 0.5rem;
      max-width: 48rem;
    }
    .secret input {
      font-family: monospace;
      width: 100%;
    }
    pre {
      white-space: pre-wrap;
      word-break: break-all;
    }
    .field-error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TokensPageComponent {
  /** From the route: where the page was opened (tokens are the user's own, for every municipality they may upload to). */
  readonly municipalityId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly tokens = apiResource({
    params: () => this.municipalityId(),
    loader: (_municipalityId, abortSignal) => this.client.tokens.list.query(undefined, { signal: abortSignal }),
  });
  protected readonly name = signal('');
  protected readonly created = signal<CreatedApiToken | null>(null);
  protected readonly copied = signal('');
  protected readonly problem = signal<string | null>(null);
  protected readonly rows = computed(() =>
    (this.tokens.value() ?? []).map((token) => ({
      ...token,
      createdText: formatDateTime(token.createdAt),
      usedText: token.lastUsedAt === null ? 'nog niet' : formatDateTime(token.lastUsedAt),
      statusText: token.revokedAt === null ? 'actief' : `ingetrokken op ${formatDateTime(token.revokedAt)}`,
    })),
  );
  protected readonly curlExample = computed(
    () => `curl --fail-with-body -H "Authorization: Bearer ${this.created()?.secret ?? '<sleutel>'}" -H "Content-Type: text/csv" \\\n  --data-binary @misdrijven.csv ${location.origin}/api/${this.municipalityId()}/sources/<bron>/versions`,
  );

  constructor() {
    pageTitle(() => 'API-sleutels');
  }

  protected create(event: Event): void {
    event.preventDefault();
    const name = this.name().trim();
    if (name === '') {
      this.problem.set('Geef de sleutel een naam: waarvoor is hij (bijvoorbeeld "Nachtelijke import")?');
      return;
    }
    void this.pendingTasks.run(async () => {
      this.problem.set(null);
      try {
        this.created.set(await this.client.tokens.create.mutate({ name }));
        this.name.set('');
        this.copied.set('');
        this.tokens.reload();
      } catch (error) {
        this.problem.set(`De sleutel kon niet worden gemaakt. ${describeApiError(error)}`);
      }
    });
  }

  protected async copy(): Promise<void> {
    const secret = this.created()?.secret;
    if (secret === undefined) return;
    try {
      await navigator.clipboard.writeText(secret);
      this.copied.set('De sleutel staat op het klembord.');
    } catch {
      this.copied.set('Kopiëren lukte niet: selecteer de sleutel en kopieer hem zelf (Ctrl+C).');
    }
  }

  protected revoke(tokenId: string): void {
    void this.pendingTasks.run(async () => {
      this.problem.set(null);
      try {
        await this.client.tokens.revoke.mutate({ tokenId });
        if (this.created()?.token.id === tokenId) this.created.set(null);
        this.tokens.reload();
      } catch (error) {
        this.problem.set(`De sleutel kon niet worden ingetrokken. ${describeApiError(error)}`);
      }
    });
  }
}
