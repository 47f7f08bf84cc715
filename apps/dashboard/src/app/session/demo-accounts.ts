/**
 * The demo installation's accounts, which the sign-in page lists in demo mode
 * so a newcomer can sign in at once. The server creates them and prints the
 * same list at start-up; the browser tests check that the two agree.
 */
export const demoAccounts: readonly { readonly email: string; readonly description: string }[] = [
  { email: 'admin@demo.koers.nl', description: 'beheerder: alle cijfers en het logboek' },
  { email: 'college@demo.koers.nl', description: 'college van B&W: alle cijfers' },
  { email: 'data@demo.koers.nl', description: 'datateam: alle cijfers, opnieuw berekenen' },
  { email: 'teamlead@demo.koers.nl', description: 'teamleider: alle cijfers' },
  { email: 'raad@demo.koers.nl', description: 'gemeenteraad: de gepubliceerde rapportages' },
  { email: 'college-uithoorn@demo.koers.nl', description: 'college van B&W, alleen in Uithoorn' },
];

/** The password of every demo account. */
export const demoPassword = 'koers-demo';
