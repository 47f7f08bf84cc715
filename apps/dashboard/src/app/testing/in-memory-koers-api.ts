import type { ProgramOverview } from '@koers/api';
import { TRPCClientError } from '@trpc/client';
import type { Municipality } from '@koers/domain';
import type { KoersApi } from '../api/koers-api';

/**
 * A `KoersApi` that answers from memory, for tests. Set `failure` to make every
 * call reject, or `hold()` to keep answers back until `release()` (to see loading).
 */
export class InMemoryKoersApi implements KoersApi {
  /** Every call, as `listPrograms(uithoorn)`, in order. */
  readonly calls: string[] = [];
  /** When set, every call rejects with it. */
  failure: Error | null = null;
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;

  constructor(
    private readonly municipalities: readonly Municipality[],
    private readonly programs: Readonly<Record<string, readonly ProgramOverview[]>>,
  ) {}

  async listMunicipalities(): Promise<readonly Municipality[]> {
    this.calls.push('listMunicipalities()');
    await this.answer();
    return this.municipalities;
  }

  async listPrograms(municipalityId: string): Promise<readonly ProgramOverview[]> {
    this.calls.push(`listPrograms(${municipalityId})`);
    await this.answer();
    const programs = this.programs[municipalityId];
    if (programs === undefined) {
      // What the server answers for a municipality it does not serve.
      const message = `Gemeente "${municipalityId}" bestaat niet in deze installatie.`;
      throw TRPCClientError.from({ error: { message, code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404 } } });
    }
    return programs;
  }

  /** Holds back every answer until `release()`. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  /** Lets held answers through. */
  release(): void {
    this.openGate?.();
    this.gate = null;
  }

  private async answer(): Promise<void> {
    if (this.gate) await this.gate;
    if (this.failure) throw this.failure;
  }
}
