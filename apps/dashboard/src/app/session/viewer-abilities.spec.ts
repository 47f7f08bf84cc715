import { sampleViewer } from '@koers/api/testing';
import { roles, type Role } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import type { KoersClient } from '../api/koers-client';
import { serverAllows as serverAllowsViewer } from '../testing/server-allows';
import { hasGrantIn, mayManageSources, mayReadAudit, mayReadLiveFigures, mayRunComputations, rolesIn } from './viewer-abilities';

/** Whether the real router lets `role` in Uithoorn make `call`: what the screens must agree with. */
function serverAllows(role: Role, call: (client: KoersClient) => Promise<unknown>): Promise<boolean> {
  return serverAllowsViewer(sampleViewer(role, ['uithoorn']), call);
}

describe('the abilities the screens offer', () => {
  for (const role of roles) {
    it(`agree with the server's access rules for ${role}`, async () => {
      const viewer = sampleViewer(role, ['uithoorn']);
      const municipalityId = 'uithoorn';

      expect(mayReadLiveFigures(viewer, municipalityId)).toBe(await serverAllows(role, (client) => client.overview.get.query({ municipalityId })));
      expect(mayReadLiveFigures(viewer, municipalityId)).toBe(await serverAllows(role, (client) => client.indicators.comparable.query()));
      expect(mayRunComputations(viewer, municipalityId)).toBe(await serverAllows(role, (client) => client.computations.run.mutate({ municipalityId })));
      expect(mayReadAudit(viewer, municipalityId)).toBe(await serverAllows(role, (client) => client.audit.list.query({ municipalityId })));
      expect(mayManageSources(viewer, municipalityId)).toBe(await serverAllows(role, (client) => client.sources.list.query({ municipalityId })));
      expect(mayManageSources(viewer, municipalityId)).toBe(await serverAllows(role, (client) => client.tokens.list.query()));
    });
  }

  it('open nothing in a municipality the user holds no role in', () => {
    const viewer = sampleViewer('admin', ['uithoorn']);

    expect(rolesIn(viewer, 'diemen')).toEqual([]);
    expect(hasGrantIn(viewer, 'diemen')).toBe(false);
    expect(mayReadLiveFigures(viewer, 'diemen')).toBe(false);
    expect(mayReadAudit(viewer, 'diemen')).toBe(false);
    expect(mayReadLiveFigures(null, 'uithoorn')).toBe(false);
  });
});
