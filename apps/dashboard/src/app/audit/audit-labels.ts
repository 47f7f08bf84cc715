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

/** Fields of the recorded states the dashboard names in Dutch; any other keeps its name in code. */
const fieldLabels: Readonly<Record<string, string>> = {
  trigger: 'aanleiding',
  root: 'map',
  municipality: 'gemeente',
  municipalities: 'gemeenten',
  programs: 'programma’s',
  effects: 'effecten',
  tasks: 'opgaven',
  actions: 'acties',
  indicators: 'indicatoren',
  department: 'afdeling',
  portfolioHolders: 'portefeuillehouders',
  status: 'status',
  method: 'manier',
};

/** The field's name in Dutch, or its name in code. */
export function auditFieldLabel(field: string): string {
  return fieldLabels[field] ?? field;
}

/** Why a computation ran, as the trail records it (`after.trigger`). */
const triggerLabels: Readonly<Record<string, string>> = {
  start: 'start van de server',
  change: 'gewijzigde bestanden',
  request: 'op verzoek',
  recovery: 'herstel na een onderbreking',
};

/** A recorded value in Dutch where the dashboard knows its words (a computation's trigger); else as it is. */
export function auditValueLabel(field: string, value: string | null): string | null {
  return field === 'trigger' && value !== null ? (triggerLabels[value] ?? value) : value;
}
