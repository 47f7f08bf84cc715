import { InMemoryIndicatorEditor, sampleCatalogContents, sampleViewer } from '@koers/api/testing';
import { roles } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../api/api-error';
import { inMemoryKoers } from '../testing/in-memory-koers';
import { mayEditDefinitions } from './editor-access';

describe('who is offered the indicator editor', () => {
  for (const role of roles) {
    it(`offers ${role} nothing the server refuses, and offers it to the data team`, async () => {
      const viewer = sampleViewer(role, ['uithoorn']);
      const { client } = inMemoryKoers({ viewer, indicatorEditor: new InMemoryIndicatorEditor(sampleCatalogContents()) });
      const isAllowed = await client.indicatorEditor.choices.query({ municipalityId: 'uithoorn' }).then(
        () => true,
        (error: unknown) => {
          if (errorCodeOf(error) === 'FORBIDDEN') return false;
          throw error;
        },
      );
      expect(mayEditDefinitions(viewer, 'uithoorn')).toBe(role === 'data_team');
      if (mayEditDefinitions(viewer, 'uithoorn')) expect(isAllowed).toBe(true);
      expect(mayEditDefinitions(viewer, 'diemen')).toBe(false);
    });
  }
});
