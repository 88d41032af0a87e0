import { findFile } from '../state/case-lookups';
import type { CaseState } from '../state/case-state';
import { defineRule } from './journey-rule';

export const fileMustBeSubmitted = defineRule({
  id: 'file-must-be-submitted',
  holds: (state: CaseState, fileId: string) => findFile(state, fileId) !== undefined,
  explain: (_state, fileId) => `File ${fileId} has not been submitted to the CPS`,
  field: 'data.fileId',
});

// Own judgment: one review per submission; a returned file is resubmitted before it is reviewed again.
export const fileMustAwaitReview = defineRule({
  id: 'file-must-await-review',
  holds: (state: CaseState, fileId: string) => findFile(state, fileId)?.review === null,
  explain: (state, fileId) => `File ${fileId} was already ${findFile(state, fileId)?.review?.outcome} and has not been resubmitted`,
  field: 'data.fileId',
});

// Own judgment: a file id names one file; it comes back to the CPS only after being returned.
export const fileMustBeNewOrReturned = defineRule({
  id: 'file-must-be-new-or-returned',
  holds: (state: CaseState, fileId: string) => {
    const file = findFile(state, fileId);
    return file === undefined || file.review?.outcome === 'returned';
  },
  explain: (_state, fileId) => `File ${fileId} is already with the CPS`,
  field: 'data.fileId',
});

export const returnedFileMustNameMissingItems = defineRule({
  id: 'returned-file-must-name-missing-items',
  holds: (outcome: 'accepted' | 'returned', missingItems: readonly string[]) =>
    outcome !== 'returned' || missingItems.some((item) => item.trim() !== ''),
  explain: () => 'A file returned to the police must name the items missing under the National File Standard',
  field: 'data.missingItems',
});
