/** A page of the dashboard to visit, with what must be on it once it has loaded. */
export interface DashboardRoute {
  /** A short name, for screenshot files: `indicator-off-track`. */
  readonly name: string;
  readonly path: string;
  /** Text that is on the page only once its content has loaded. */
  readonly readyText: string;
}

interface TrpcAnswer<T> {
  readonly result: { readonly data: T };
}

/** Asks the running server a tRPC query over plain HTTP, as the dashboard does, in the session `cookie`. */
export async function trpcQuery<T>(baseUrl: string, cookie: string, procedure: string, input?: unknown): Promise<T> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`${baseUrl}/trpc/${procedure}${query}`, { headers: { cookie, 'x-koers-request': '1' } });
  if (!response.ok) throw new Error(`${procedure} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as TrpcAnswer<T>).result.data;
}

/** What the page checks need of `overview.get`. */
export interface OverviewAnswer {
  readonly municipality: { readonly id: string; readonly name: string };
  readonly programs: readonly {
    readonly id: string;
    readonly title: string;
    readonly effects: readonly {
      readonly indicators: readonly { readonly id: string; readonly title: string; readonly status: string }[];
    }[];
  }[];
}

/** The indicators of an overview, flattened, each with its program. */
export function indicatorsOf(overview: OverviewAnswer) {
  return overview.programs.flatMap((program) =>
    program.effects.flatMap((effect) => effect.indicators.map((indicator) => ({ ...indicator, programId: program.id }))),
  );
}

/** The sign-in page, for a browser that is not signed in. */
export const signInRoute: DashboardRoute = { name: 'sign-in', path: '/aanmelden', readyText: 'Demo-accounts' };

/**
 * Every kind of page an admin sees, with real ids from the running server
 * (asked in the admin's session `cookie`): the overview, a program, an
 * off-track indicator (with its breakdown), the comparable indicators, one
 * comparison, the audit trail, the reports page, and an address that names
 * no municipality of theirs.
 */
export async function dashboardRoutes(baseUrl: string, cookie: string, municipalityId: string): Promise<DashboardRoute[]> {
  const overview = await trpcQuery<OverviewAnswer>(baseUrl, cookie, 'overview.get', { municipalityId });
  const indicators = indicatorsOf(overview);
  const offTrack = indicators.find((indicator) => indicator.status === 'off_track') ?? indicators[0];
  const program = overview.programs.find((candidate) => candidate.id === offTrack?.programId) ?? overview.programs[0];
  const comparable = await trpcQuery<{ id: string; title: string }[]>(baseUrl, cookie, 'indicators.comparable');
  const compared = comparable[0];
  if (!offTrack || !program || !compared) {
    throw new Error(`${overview.municipality.name} has no computed indicator, program or comparable indicator to visit`);
  }
  const base = `/${municipalityId}`;
  return [
    { name: 'overview', path: base, readyText: 'Stand van de indicatoren' },
    { name: 'program', path: `${base}/programmas/${program.id}`, readyText: 'Wat moeten we verbeteren?' },
    { name: 'indicator-off-track', path: `${base}/indicatoren/${offTrack.id}`, readyText: 'Hoe is dit berekend?' },
    { name: 'comparable', path: `${base}/vergelijken`, readyText: compared.title },
    { name: 'compare', path: `${base}/vergelijken/${compared.id}`, readyText: 'Waar elke gemeente staat' },
    { name: 'audit', path: `${base}/logboek`, readyText: 'nieuwste eerst' },
    { name: 'reports', path: `${base}/rapportages`, readyText: 'Zoeken in de rapportages' },
    { name: 'unknown-municipality', path: '/bestaat-niet', readyText: 'U heeft wel toegang tot de gegevens van' },
  ];
}
