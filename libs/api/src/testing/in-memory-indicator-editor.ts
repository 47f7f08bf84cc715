import {
  draftOfDefinition,
  type DefinitionsImportOutcome,
  type EditorChoices,
  type EditorSource,
  type EffectLink,
  type IndicatorDefinitionFile,
  type IndicatorDraft,
  type IndicatorDryRun,
  type IndicatorEditor,
  type SaveIndicatorOptions,
  type SaveIndicatorOutcome,
  type Viewer,
} from '@koers/domain';
import type { CatalogContents } from './in-memory-catalog';

/** The sources the in-memory editor offers, with columns like those of the demo. */
export const sampleEditorSources: readonly EditorSource[] = [
  {
    id: 'misdrijven',
    title: 'Geregistreerde misdrijven',
    columns: [
      { name: 'pleegdatum', type: 'DATE' },
      { name: 'soort', type: 'VARCHAR' },
      { name: 'wijk', type: 'VARCHAR' },
    ],
  },
  {
    id: 'bevolking',
    title: 'Bevolking per wijk',
    columns: [
      { name: 'peildatum', type: 'DATE' },
      { name: 'wijk', type: 'VARCHAR' },
      { name: 'inwoners', type: 'BIGINT' },
    ],
  },
];

/** A draft of a new indicator over the sample sources, as the form would send it. */
export const sampleDraft: IndicatorDraft = {
  id: 'fietsendiefstallen',
  title: 'Fietsendiefstallen',
  unit: 'aantal',
  direction: 'lower_is_better',
  grain: 'quarter',
  source: 'misdrijven',
  time: 'pleegdatum',
  measure: 'count(*)',
  filter: "soort = 'fietsendiefstal'",
  dimensions: ['wijk'],
  targets: [{ year: '2026', value: 20 }],
};

/** What the in-memory editor was asked to change, in order. */
export type EditorCall =
  | { readonly kind: 'save'; readonly municipalityId: string; readonly draft: IndicatorDraft; readonly options: SaveIndicatorOptions; readonly by: string }
  | { readonly kind: 'link'; readonly municipalityId: string; readonly indicatorId: string; readonly link: EffectLink; readonly by: string }
  | { readonly kind: 'import'; readonly municipalityId: string; readonly apply: boolean; readonly by: string };

/**
 * An `IndicatorEditor` in memory, for tests of the router and of the
 * dashboard's editor pages: it reads the definitions of the catalog's stored
 * indicators, answers a dry run with what a test sets (by default the stored
 * report of an indicator of the draft's source, retitled), and records what it
 * is asked to change. It judges nothing itself: the real judging (loader,
 * guard, binding) is tested against the real engine in `@koers/computation`
 * and through the server.
 */
export class InMemoryIndicatorEditor implements IndicatorEditor {
  readonly calls: EditorCall[] = [];
  /** The next dry runs' answer; the default when null. */
  dryRunAnswer: ((draft: IndicatorDraft) => IndicatorDryRun) | null = null;
  /** The next saves' answer; saved when null. */
  saveAnswer: ((draft: IndicatorDraft) => SaveIndicatorOutcome) | null = null;
  importAnswer: DefinitionsImportOutcome | null = null;

  constructor(
    private readonly contents: CatalogContents,
    private readonly sources: readonly EditorSource[] = sampleEditorSources,
  ) {}

  async choices(municipalityId: string): Promise<EditorChoices> {
    const stored = this.contents.indicators?.[municipalityId] ?? [];
    return {
      sources: this.sources,
      indicators: stored.map((item) => ({ id: item.indicatorId, title: item.definition.indicator.title, file: `indicators/${item.indicatorId}.yaml` })),
      effects: (this.contents.programs?.[municipalityId] ?? []).flatMap((program) =>
        program.effects.map((effect) => ({
          programId: program.id,
          programTitle: program.title,
          effectId: effect.id,
          effectTitle: effect.title,
          indicatorIds: effect.indicators,
        })),
      ),
    };
  }

  async read(municipalityId: string, indicatorId: string): Promise<IndicatorDefinitionFile | null> {
    const stored = this.contents.indicators?.[municipalityId]?.find((item) => item.indicatorId === indicatorId);
    if (stored === undefined) return null;
    return { draft: draftOfDefinition(stored.definition.indicator), file: `indicators/${indicatorId}.yaml`, text: stored.definition.text ?? '', version: `v-${indicatorId}` };
  }

  async dryRun(municipalityId: string, draft: IndicatorDraft): Promise<IndicatorDryRun> {
    if (this.dryRunAnswer !== null) return this.dryRunAnswer(draft);
    const stored = this.contents.indicators?.[municipalityId] ?? [];
    const like = stored.find((item) => item.definition.indicator.source === draft.source && item.report !== null) ?? stored.find((item) => item.report !== null);
    if (like?.report == null) return { problems: [{ file: `indicators/${draft.id}.yaml`, field: 'source', message: 'no data' }], report: null, statuses: [], durationMs: 5 };
    return { problems: [], report: { ...like.report, id: draft.id, title: draft.title, unit: draft.unit }, statuses: like.statuses, durationMs: 5 };
  }

  async save(municipalityId: string, draft: IndicatorDraft, options: SaveIndicatorOptions, by: Viewer): Promise<SaveIndicatorOutcome> {
    this.calls.push({ kind: 'save', municipalityId, draft, options, by: by.email });
    if (this.saveAnswer !== null) return this.saveAnswer(draft);
    return { kind: 'saved', file: `indicators/${draft.id}.yaml`, version: `v-${draft.id}-2`, isLinked: options.link !== undefined, savedAt: '2026-11-30T12:00:00.000Z' };
  }

  async link(municipalityId: string, indicatorId: string, link: EffectLink, by: Viewer): Promise<{ readonly problems: readonly never[] }> {
    this.calls.push({ kind: 'link', municipalityId, indicatorId, link, by: by.email });
    return { problems: [] };
  }

  async exportZip(): Promise<AsyncIterable<Uint8Array>> {
    return (async function* () {
      yield new TextEncoder().encode('PK');
    })();
  }

  async importZip(municipalityId: string, _zip: Uint8Array, options: { readonly apply: boolean }, by: Viewer): Promise<DefinitionsImportOutcome> {
    this.calls.push({ kind: 'import', municipalityId, apply: options.apply, by: by.email });
    const check = { problems: [], skipped: [], changes: { added: [], changed: [], removed: [] } };
    return this.importAnswer ?? { kind: options.apply ? 'applied' : 'checked', check };
  }
}
