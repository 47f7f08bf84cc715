import type { AuditRecord } from '@koers/domain';

/**
 * Uithoorn's audit trail in the sample catalog, newest first: 60 changes, more
 * than one page of the dashboard's 50. The newest three are of each kind the
 * dashboard shows: a requested computation, a changed program (before and
 * after), an imported workspace (no before); older ones are requested
 * computations, one a day.
 */
export function sampleAuditRecords(): AuditRecord[] {
  const newest: AuditRecord[] = [
    requestedComputation('audit-060', '2026-11-27T09:15:00.000Z'),
    {
      id: 'audit-059',
      occurredAt: '2026-11-20T14:02:00.000Z',
      actor: 'admin@proef.koers.example',
      municipalityId: 'uithoorn',
      entity: 'program',
      entityId: 'bestuur-en-organisatie',
      action: 'update',
      before: { department: 'Bestuur', portfolioHolders: ['A. de Vries'] },
      after: { department: 'Bestuur en Organisatie', portfolioHolders: ['A. de Vries'] },
    },
    {
      id: 'audit-058',
      occurredAt: '2026-11-02T08:00:00.000Z',
      actor: 'koers',
      municipalityId: 'uithoorn',
      entity: 'workspace',
      entityId: 'uithoorn',
      action: 'import',
      before: null,
      after: { municipality: 'Uithoorn', programs: 2, indicators: 3 },
    },
  ];
  const older = Array.from({ length: 57 }, (_, index) =>
    requestedComputation(`audit-${String(57 - index).padStart(3, '0')}`, new Date(Date.UTC(2026, 10, 1, 10) - index * 86_400_000).toISOString()),
  );
  return [...newest, ...older];
}

/** The data team asked for a computation of Uithoorn. */
function requestedComputation(id: string, occurredAt: string): AuditRecord {
  return {
    id,
    occurredAt,
    actor: 'data@proef.koers.example',
    municipalityId: 'uithoorn',
    entity: 'computation',
    entityId: 'uithoorn',
    action: 'request',
    before: null,
    after: { trigger: 'request' },
  };
}
