import type { SourceColumn } from './computation';
import type { IndicatorDefinition } from './indicator.schema';
import type { IndicatorReport } from './indicator-report';
import type { Viewer } from './role';
import type { IndicatorProblem, PeriodStatus } from './stored-indicator';
import type { WorkspaceProblem } from './workspace';

/**
 * What the indicator form holds: the fields of `indicators/<id>.yaml`
 * (WORKSPACE-FORMAT.md) as a person typed them. Numbers may arrive as text
 * and ids may be malformed: the workspace loader judges the draft exactly as
 * it judges the file, and its problems name these fields (`per.measure`,
 * `targets.2025`).
 */
export interface IndicatorDraft {
  /** The file name: `indicators/<id>.yaml`. */
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly unit: string;
  readonly direction: string;
  readonly grain: string;
  readonly source: string;
  readonly time: string;
  readonly measure: string;
  readonly filter?: string;
  readonly per?: {
    readonly source: string;
    readonly time: string;
    readonly measure: string;
    readonly scale?: number | string;
  };
  readonly dimensions?: readonly string[];
  readonly baseline?: { readonly period: string; readonly value: number | string };
  /** One row per calendar year; written as the mapping `targets: { "2025": 2.0 }`. */
  readonly targets?: readonly { readonly year: string; readonly value: number | string }[];
  readonly tolerance?: number | string;
  readonly decimals?: number | string;
  readonly bbv?: boolean;
}

/** A problem with a draft, where the form shows it: the field, and in Dutch what to write instead where that can be told. */
export interface DraftProblem extends IndicatorProblem {
  /** Dutch: what to write instead; absent when the message says it all. */
  readonly hint?: string;
}

/** What a dry run found: the draft's problems, or its values as a computation would store them. Nothing is stored. */
export interface IndicatorDryRun {
  /** Problems of the draft (loader, guard, binding) and of the sources it reads; empty when it computed. */
  readonly problems: readonly DraftProblem[];
  /** The values, breakdown and trends; null when a problem kept it from computing. */
  readonly report: IndicatorReport | null;
  readonly statuses: readonly PeriodStatus[];
  /** How long the dry run took, start of its worker to answer, in milliseconds. */
  readonly durationMs: number;
}

/** A source the form offers: its id and title, and its columns as loaded (or as declared, before its first load). */
export interface EditorSource {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly SourceColumn[];
}

/** An effect of a program that a new indicator can be linked to (so it shows on the overview). */
export interface EditorEffect {
  readonly programId: string;
  readonly programTitle: string;
  readonly effectId: string;
  readonly effectTitle: string;
  readonly indicatorIds: readonly string[];
}

/** The pick lists of the form, from what is known of the municipality. */
export interface EditorChoices {
  readonly sources: readonly EditorSource[];
  readonly indicators: readonly { readonly id: string; readonly title: string; readonly file: string }[];
  readonly effects: readonly EditorEffect[];
}

/** An indicator's definition file as it is now, for the form. */
export interface IndicatorDefinitionFile {
  readonly draft: IndicatorDraft;
  /** `indicators/<id>.yaml`. */
  readonly file: string;
  readonly text: string;
  /** sha256 of the text: a save based on another version is refused, so nobody's change is overwritten unseen. */
  readonly version: string;
}

/** Where a new indicator is linked: an effect of a program. */
export interface EffectLink {
  readonly programId: string;
  readonly effectId: string;
}

/** How a draft is saved. */
export interface SaveIndicatorOptions {
  /** True for a new indicator: its id must be free. */
  readonly isNew: boolean;
  /** The `version` the form was loaded from (null for a new one); the file must still be that version. */
  readonly baseVersion: string | null;
  /** Also link it to this effect (writes that program's file). */
  readonly link?: EffectLink;
}

/** What saving a draft did. */
export type SaveIndicatorOutcome =
  | {
      readonly kind: 'saved';
      readonly file: string;
      readonly version: string;
      readonly isLinked: boolean;
      /** ISO 8601 by the server's clock: the computation of the indicator is one requested at or after this. */
      readonly savedAt: string;
    }
  | { readonly kind: 'refused'; readonly problems: readonly DraftProblem[] }
  | { readonly kind: 'conflict'; readonly message: string };

/** A workspace zip checked before it is applied: every problem with file and line, and what would change. */
export interface DefinitionsImportCheck {
  readonly problems: readonly WorkspaceProblem[];
  /** Files in the zip that are not read (data files, notes), by path. */
  readonly skipped: readonly string[];
  readonly changes: {
    readonly added: readonly string[];
    readonly changed: readonly string[];
    readonly removed: readonly string[];
  };
}

/**
 * What an import did: `checked` (asked only to check), `refused` (asked to
 * apply, but there were problems: nothing changed), or `applied`.
 */
export interface DefinitionsImportOutcome {
  readonly kind: 'checked' | 'refused' | 'applied';
  readonly check: DefinitionsImportCheck;
}

/**
 * The data team's port for indicator definitions: read, check, try and save
 * them in the municipality's workspace folder, and move the definitions in
 * and out as a zip. The server implements it (the workspace folder, the
 * compute worker, the audit trail); the API knows no file or database. Every
 * change is validated as the loader and `koers check` would, written
 * atomically, audited with before and after, and recomputed.
 */
export interface IndicatorEditor {
  choices(municipalityId: string): Promise<EditorChoices>;
  /** The definition file of an indicator; null when the workspace has none by that id. */
  read(municipalityId: string, indicatorId: string): Promise<IndicatorDefinitionFile | null>;
  /** Computes just this draft against the municipality's data, in a bounded worker, storing nothing. */
  dryRun(municipalityId: string, draft: IndicatorDraft, isNew: boolean): Promise<IndicatorDryRun>;
  save(municipalityId: string, draft: IndicatorDraft, options: SaveIndicatorOptions, by: Viewer): Promise<SaveIndicatorOutcome>;
  /** Links an existing indicator to an effect (the program's file), audited. */
  link(municipalityId: string, indicatorId: string, link: EffectLink, by: Viewer): Promise<{ readonly problems: readonly DraftProblem[] }>;
  /** The definitions (and with `includeData` the data files) as a zip of the workspace folder, recorded in the audit trail. */
  exportZip(municipalityId: string, options: { readonly includeData: boolean }, by: Viewer): Promise<AsyncIterable<Uint8Array>>;
  /** Checks a zip; with `apply`, and no problems, replaces the definitions with it atomically, audited, and recomputes. */
  importZip(municipalityId: string, zip: Uint8Array, options: { readonly apply: boolean }, by: Viewer): Promise<DefinitionsImportOutcome>;
}

/** The form's draft of an indicator as the loader read it (for a file the form did not write, and for tests). */
export function draftOfDefinition(indicator: IndicatorDefinition): IndicatorDraft {
  return {
    id: indicator.id,
    title: indicator.title,
    ...(indicator.description === undefined ? {} : { description: indicator.description }),
    unit: indicator.unit,
    direction: indicator.direction,
    grain: indicator.grain,
    source: indicator.source,
    time: indicator.time,
    measure: indicator.measure,
    ...(indicator.filter === undefined ? {} : { filter: indicator.filter }),
    ...(indicator.per === undefined ? {} : { per: { ...indicator.per } }),
    dimensions: [...indicator.dimensions],
    ...(indicator.baseline === undefined ? {} : { baseline: { ...indicator.baseline } }),
    targets: Object.entries(indicator.targets).map(([year, value]) => ({ year, value })),
    tolerance: indicator.tolerance,
    ...(indicator.decimals === undefined ? {} : { decimals: indicator.decimals }),
    bbv: indicator.bbv,
  };
}
