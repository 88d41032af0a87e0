import { FILE_KINDS, SUSPECT_EVENT_KINDS, type CaseEventType } from '@case-journey/domain';
import { RECORDING_AGENCIES } from '@case-journey/access';

/** One field of a handoff's data: a path under `data`, how it is asked, and how its answer is sent. */
export interface HandoffField {
  name: string;
  label: string;
  hint?: string;
  kind: 'text' | 'radios' | 'select' | 'lines';
  options?: readonly string[];
  optional?: boolean;
}

/**
 * The handoffs the web form records, with their fields: data, in one place. The API validates each
 * record by its own DTO and names every bad field, so the form asks, and the API judges.
 */
export const HANDOFF_FORMS: Partial<Record<CaseEventType, { title: string; fields: HandoffField[] }>> = {
  SuspectEventRecorded: {
    title: 'Something happened to a suspect (arrest, interview, bail, release)',
    fields: [
      { name: 'suspectId', label: 'Suspect reference', hint: 'Your reference for the suspect, for example S1', kind: 'text' },
      { name: 'kind', label: 'What happened', kind: 'select', options: SUSPECT_EVENT_KINDS },
      { name: 'reasons', label: 'Reasons', kind: 'text', optional: true },
    ],
  },
  FileSubmittedToCps: {
    title: 'File submitted to the CPS',
    fields: [
      { name: 'fileId', label: 'File reference', hint: 'The file’s reference, for example F1', kind: 'text' },
      { name: 'kind', label: 'Kind of file', kind: 'radios', options: FILE_KINDS },
    ],
  },
  FileReviewed: {
    title: 'File reviewed by the CPS',
    fields: [
      { name: 'fileId', label: 'File reference', hint: 'The reference the police gave the file', kind: 'text' },
      { name: 'outcome', label: 'Outcome', kind: 'radios', options: ['accepted', 'returned'] },
      { name: 'missingItems', label: 'Items missing', hint: 'One a line; leave empty when nothing is missing', kind: 'lines', optional: true },
      { name: 'reasons', label: 'Reasons', kind: 'text', optional: true },
    ],
  },
};

/** The handoffs of the user's agency that the form can record (who records what is the access policy's table). */
export function handoffTypesFor(agency: string | undefined): CaseEventType[] {
  return (Object.keys(HANDOFF_FORMS) as CaseEventType[]).filter((type) => {
    const recorders = RECORDING_AGENCIES[type];
    return Array.isArray(recorders) && agency !== undefined && (recorders as readonly string[]).includes(agency);
  });
}

/** The field id of a data path: `data.fileId` → `data-fileId` (ids with dots are awkward as CSS selectors). */
export const fieldId = (name: string) => `data-${name}`;

/** The record's data from the form's answers: empty optional fields left out, lines split. */
export function dataOf(type: CaseEventType, body: Record<string, string | undefined>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of HANDOFF_FORMS[type]?.fields ?? []) {
    const raw = body[fieldId(field.name)] ?? '';
    if (field.kind === 'lines') data[field.name] = raw.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    else if (raw !== '' || !field.optional) {
      if (raw === '' && (field.kind === 'radios' || field.kind === 'select')) continue; // not chosen: the API names it as missing
      data[field.name] = raw;
    }
  }
  return data;
}
