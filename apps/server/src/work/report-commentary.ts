import type { ReportCommentarySource, WorkCatalog } from '@koers/domain';

/**
 * The college's commentary as the quarterly reports take it over: the current
 * text of each effect for one quarter, from the same store the program and
 * indicator pages write to, so a report shows what the college wrote there.
 */
export function reportCommentaryOf(work: WorkCatalog): ReportCommentarySource {
  return {
    listCommentary: async (municipalityId, quarter) => (await work.listCommentary(municipalityId)).filter((commentary) => commentary.quarter === quarter),
  };
}
