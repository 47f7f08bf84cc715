import type { Role, Viewer } from '@koers/domain';
import { anyRole, readers } from '../access/access';
import { mayIn } from '../access/viewer-access';

/** Who reads a municipality's published reports: everyone with a role there. */
export const reportReaders: readonly Role[] = anyRole;
/** Who also sees a report before it is published: those who read the live figures (not the council). */
export const draftReaders: readonly Role[] = readers;
/** Who drafts, explains, approves, publishes and corrects reports, keeps the motions and answers questions. */
export const reportManagers: readonly Role[] = ['admin', 'college'];
/** Who asks questions on a published report. */
export const questionAskers: readonly Role[] = ['council'];

/** What the viewer may do with the reports of a municipality. */
export function reportAbilitiesOf(viewer: Viewer | null, municipalityId: string) {
  return {
    mayManage: mayIn(viewer, municipalityId, reportManagers),
    mayAsk: mayIn(viewer, municipalityId, questionAskers),
    mayAnswer: mayIn(viewer, municipalityId, reportManagers),
    maySeeDrafts: mayIn(viewer, municipalityId, draftReaders),
  };
}
