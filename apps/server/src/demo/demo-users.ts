import type { Municipality, Role } from '@koers/domain';
import type { User } from '@koers/persistence';

/** The roles a demo municipality gets one user for; the public signs in as no one. */
const demoRoles: readonly { role: Role; title: string }[] = [
  { role: 'college', title: 'Portefeuillehouder' },
  { role: 'data_team', title: 'Data-analist' },
  { role: 'team_lead', title: 'Teamleider' },
  { role: 'council', title: 'Raadslid' },
];

/** One fictitious user per municipality and role, with an address under the reserved `.example` domain. */
export function demoUsersFor(municipalities: readonly Municipality[]): User[] {
  return municipalities.flatMap((municipality) =>
    demoRoles.map(({ role, title }) => ({
      id: `${municipality.id}-${role.replace('_', '-')}`,
      municipalityId: municipality.id,
      name: `${title} ${municipality.name} (demo)`,
      email: `${role.replace('_', '-')}@${municipality.id}.koers.example`,
      role,
    })),
  );
}

/** The lines `npm start` prints in demo mode: where Koers runs, and who can sign in. */
export function formatDemoSignIns(url: string, users: readonly User[], municipalities: readonly Municipality[]): string {
  const nameOf = new Map(municipalities.map((municipality) => [municipality.id, municipality.name]));
  const width = Math.max(0, ...municipalities.map((municipality) => municipality.name.length));
  const lines = users.map(
    (user) =>
      `  ${(nameOf.get(user.municipalityId ?? '') ?? 'alle gemeenten').padEnd(width)}  ${user.role.padEnd(9)}  ${user.email}`,
  );
  return [
    `Koers draait op ${url}`,
    'Demo-aanmeldingen (fictieve gebruikers; de cijfers in de demo zijn ook fictief):',
    ...(lines.length > 0 ? lines : ['  (geen: de database heeft nog geen gebruikers)']),
  ].join('\n');
}
