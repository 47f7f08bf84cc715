import { quarterOf, type Role, shiftQuarter, type Viewer } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import type { ApiContext } from '../context';

const portNames = {
  work: 'de voortgang en de toelichtingen',
  workCommands: 'het opslaan van voortgang en toelichtingen',
  programFiles: 'het bewerken van programma’s',
} as const;

/** A port of the context, or METHOD_NOT_SUPPORTED (in Dutch) where this installation gives none. */
export function requirePort<K extends keyof typeof portNames>(ctx: ApiContext, name: K): NonNullable<ApiContext[K]> {
  const port = ctx[name];
  if (port === undefined || port === null) {
    throw new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: `Deze installatie van Koers ondersteunt ${portNames[name]} niet.` });
  }
  return port as NonNullable<ApiContext[K]>;
}

/** The signed-in viewer; the access rules let no one else reach a mutation, so null is a server error, not a user's. */
export function signedInViewer(ctx: ApiContext): Viewer {
  if (ctx.viewer === null) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Meld u aan om Koers te gebruiken.' });
  return ctx.viewer;
}

/** The roles the viewer holds in the municipality. */
export function rolesOf(viewer: Viewer | null, municipalityId: string): ReadonlySet<Role> {
  return new Set(viewer?.grants.filter((grant) => grant.municipalityId === municipalityId).map((grant) => grant.role) ?? []);
}

/** `2026-Q4` → `4e kwartaal 2026`, as the dashboard writes a quarter. */
export function quarterName(quarter: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return match ? `${match[2]}e kwartaal ${match[1]}` : quarter;
}

/** The quarters the college may write commentary for at `now`: the current one, and the one before (its report is written after it ends). */
export function writableCommentaryQuarters(now: Date): readonly string[] {
  const current = quarterOf(now);
  return [current, shiftQuarter(current, -1)];
}
