import { caseIdOfItem } from './obligations.reader';

describe('the case a stored worklist item names', () => {
  it('is read off the front of the item as the projection writes it', () => {
    expect(caseIdOfItem('{"obligationId":"o-1","caseId":"c-7","urn":null,"area":"Wessex"}')).toBe('c-7');
  });

  it('is parsed out of an item written in another order', () => {
    expect(caseIdOfItem('{"caseId":"c-8","obligationId":"o-2"}')).toBe('c-8');
    expect(caseIdOfItem('{ "obligationId": "o-3", "caseId": "c-9" }')).toBe('c-9');
  });
});
