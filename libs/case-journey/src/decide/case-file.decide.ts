import { fileMustAwaitReview, fileMustBeNewOrReturned, fileMustBeSubmitted, returnedFileMustNameMissingItems } from '../rules/case-file.rules';
import { enforce } from '../rules/journey-rule';
import { recordWhen } from './case-checks';
import type { DeciderMap } from './decider';

/** The police file and the CPS review of it under the National File Standard. */
export const caseFileDeciders: DeciderMap<'FileSubmittedToCps' | 'FileReviewed'> = {
  FileSubmittedToCps: recordWhen(({ data }, state) => enforce(fileMustBeNewOrReturned, state, data.fileId)),
  FileReviewed: recordWhen(
    ({ data }, state) => enforce(fileMustBeSubmitted, state, data.fileId),
    ({ data }, state) => enforce(fileMustAwaitReview, state, data.fileId),
    ({ data }) => enforce(returnedFileMustNameMissingItems, data.outcome, data.missingItems),
  ),
};
