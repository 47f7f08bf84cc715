import type { Municipality, Role } from '@koers/domain';
import type { NewUser, User } from '@koers/persistence';

/** The password of every demo user (the README and the start-up say so; demo mode only). */
export const demoPassword = 'koers-demo';

/**
 * The team the demo team lead leads in each demo municipality: one that owns
 * several actions there (the README's demo table names them).
 */
export const demoTeams: Readonly<Record<string, string>> = {
  uithoorn: 'Team Economische Zaken',
  hilversum: 'Team Openbare Orde en Veiligheid',
  diemen: 'Team Werk en Inkomen (Duo+)',
};

/**
 * One demo user per role with that role in every demo municipality, and one
 * college member of Uithoorn only. Both college members hold every portfolio
 * where they sit (no `portfolio` on the grant); the team lead leads
 * {@link demoTeams}.
 */
const demoAccounts: readonly { id: string; email: string; name: string; role: Role; onlyIn?: string }[] = [
  { id: 'demo-admin', email: 'admin@demo.koers.nl', name: 'Beheerder (demo)', role: 'admin' },
  { id: 'demo-college', email: 'college@demo.koers.nl', name: 'Portefeuillehouder (demo)', role: 'college' },
  { id: 'demo-data', email: 'data@demo.koers.nl', name: 'Data-analist (demo)', role: 'data_team' },
  { id: 'demo-teamlead', email: 'teamlead@demo.koers.nl', name: 'Teamleider (demo)', role: 'team_lead' },
  { id: 'demo-raad', email: 'raad@demo.koers.nl', name: 'Raadslid (demo)', role: 'council' },
  { id: 'demo-college-uithoorn', email: 'college-uithoorn@demo.koers.nl', name: 'Portefeuillehouder Uithoorn (demo)', role: 'college', onlyIn: 'uithoorn' },
];

/** The demo users for these municipalities, each with the given password hash. */
export function demoUsersFor(municipalities: readonly Municipality[], passwordHash: string): NewUser[] {
  return demoAccounts.map((account) => ({
    id: account.id,
    name: account.name,
    email: account.email,
    passwordHash,
    grants: municipalities
      .filter((municipality) => account.onlyIn === undefined || municipality.id === account.onlyIn)
      .map((municipality) => ({
        municipalityId: municipality.id,
        role: account.role,
        ...(account.role === 'team_lead' && demoTeams[municipality.id] !== undefined ? { team: demoTeams[municipality.id] } : {}),
      })),
  }));
}

/** The lines `npm start` prints in demo mode: where Koers runs, and who can sign in with which password. */
export function formatDemoSignIns(url: string, users: readonly User[], municipalities: readonly Municipality[]): string {
  const nameOf = new Map(municipalities.map((municipality) => [municipality.id, municipality.name]));
  const demo = users.filter((user) => demoAccounts.some((account) => account.email === user.email));
  const width = Math.max(0, ...demo.map((user) => user.email.length));
  const lines = demo.map((user) => {
    const roles = [...new Set(user.grants.map((grant) => grant.role))].join(', ');
    const where = [...new Set(user.grants.map((grant) => nameOf.get(grant.municipalityId) ?? grant.municipalityId))].join(', ');
    return `  ${user.email.padEnd(width)}  ${roles.padEnd(9)}  ${where}`;
  });
  return [
    `Koers draait op ${url}`,
    `Demo-aanmeldingen, wachtwoord ${demoPassword} (fictieve gebruikers; de cijfers in de demo zijn ook fictief):`,
    ...(lines.length > 0 ? lines : ['  (geen: de database heeft nog geen gebruikers)']),
  ].join('\n');
}
