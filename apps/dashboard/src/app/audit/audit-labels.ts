/**
 * The audit trail's entities and actions in Dutch. An entity or action not
 * named here is shown by its name in code; the entity filter offers those
 * recorded per municipality.
 */
export const auditEntityLabels: Readonly<Record<string, string>> = {
  computation: 'Berekening',
  workspace: 'Werkruimte (bronnen, indicatoren, programma’s)',
  program: 'Programma',
};

const actionLabels: Readonly<Record<string, string>> = {
  request: 'aangevraagd',
  import: 'ingelezen',
  create: 'aangemaakt',
  update: 'gewijzigd',
  delete: 'verwijderd',
  completed: 'voltooid',
  sign_in: 'aangemeld',
  sign_out: 'afgemeld',
};

/** The entity's name in Dutch, or its name in code. */
export function auditEntityLabel(entity: string): string {
  return auditEntityLabels[entity] ?? entity;
}

/** The action's name in Dutch, or its name in code. */
export function auditActionLabel(action: string): string {
  return actionLabels[action] ?? action;
}
