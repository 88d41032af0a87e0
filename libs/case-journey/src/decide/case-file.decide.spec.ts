import { aCommand, aReportedCase, anEvent, given, theEventOf } from '../testing/case-builders';

const submitted = () => anEvent('FileSubmittedToCps', { fileId: 'file-1', kind: 'full-file' });
const reviewed = (outcome: 'accepted' | 'returned') =>
  anEvent('FileReviewed', { fileId: 'file-1', outcome, missingItems: outcome === 'returned' ? ['MG11 witness statement'] : [] }, { agency: 'CPS' });

describe('FileSubmittedToCps', () => {
  const submission = () => aCommand('FileSubmittedToCps', { fileId: 'file-1', kind: 'full-file' });

  it('sends a new file to the CPS', () => {
    const command = submission();
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });

  it('resubmits a file the CPS returned', () => {
    const command = submission();
    given([...aReportedCase(), submitted(), reviewed('returned')]).when(command).then([theEventOf(command)]);
  });

  it('breaks file-must-be-new-or-returned while the file awaits review', () => {
    given([...aReportedCase(), submitted()]).when(submission()).thenThrows('file-must-be-new-or-returned', 'data.fileId');
  });

  it('breaks file-must-be-new-or-returned once the file was accepted', () => {
    given([...aReportedCase(), submitted(), reviewed('accepted')]).when(submission()).thenThrows('file-must-be-new-or-returned');
  });
});

describe('FileReviewed', () => {
  const review = (outcome: 'accepted' | 'returned', missingItems: string[] = []) =>
    aCommand('FileReviewed', { fileId: 'file-1', outcome, missingItems }, { agency: 'CPS' });

  it('accepts a submitted file', () => {
    const command = review('accepted');
    given([...aReportedCase(), submitted()]).when(command).then([theEventOf(command)]);
  });

  it('returns a file naming what is missing', () => {
    const command = review('returned', ['MG5 case summary']);
    given([...aReportedCase(), submitted()]).when(command).then([theEventOf(command)]);
  });

  it('reviews a resubmitted file again', () => {
    const command = review('accepted');
    given([...aReportedCase(), submitted(), reviewed('returned'), submitted()]).when(command).then([theEventOf(command)]);
  });

  it('breaks file-must-be-submitted for a file never submitted', () => {
    given(aReportedCase()).when(review('accepted')).thenThrows('file-must-be-submitted', 'data.fileId');
  });

  it.each(['accepted', 'returned'] as const)('breaks file-must-await-review once the submission was %s', (outcome) => {
    given([...aReportedCase(), submitted(), reviewed(outcome)]).when(review('accepted')).thenThrows('file-must-await-review', 'data.fileId');
  });

  it.each([[[]], [['  ']]])('breaks returned-file-must-name-missing-items when returned with %j', (missingItems) => {
    given([...aReportedCase(), submitted()])
      .when(review('returned', missingItems))
      .thenThrows('returned-file-must-name-missing-items', 'data.missingItems');
  });
});
