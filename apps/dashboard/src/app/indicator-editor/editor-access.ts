import type { Viewer } from '@koers/domain';
import { rolesIn } from '../session/viewer-abilities';

/**
 * Whether the screens offer `viewer` the indicator editor in `municipalityId`
 * (the "Definities" section and "Definitie bewerken" on an indicator's page):
 * to the data team, whose work it is (issue 8). The server's access table also
 * lets admins in (they may open `/definities` themselves), and refuses
 * everyone else; `editor-access.spec.ts` asks the real router that no role is
 * offered what the server refuses.
 */
export function mayEditDefinitions(viewer: Viewer | null | undefined, municipalityId: string): boolean {
  return rolesIn(viewer, municipalityId).includes('data_team');
}
