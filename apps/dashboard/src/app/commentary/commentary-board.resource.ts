import { inject } from '@angular/core';
import { apiResource } from '../api/api-resource';
import { KOERS_CLIENT } from '../api/koers-client';

/** Which effects' commentary to load: a program's, or those that list an indicator. */
export interface CommentaryBoardParams {
  readonly municipalityId: string;
  readonly programId?: string;
  readonly indicatorId?: string;
}

/**
 * The college's commentary on a set of effects this quarter, as a resource.
 * Call it in an injection context (a page's field).
 */
export function commentaryBoardResource(params: () => CommentaryBoardParams | undefined) {
  const client = inject(KOERS_CLIENT);
  return apiResource({
    params,
    loader: (input, signal) => client.commentary.board.query(input, { signal }),
  });
}
