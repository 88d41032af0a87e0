import { londonDateTime } from '../../http/london-time';
import type { AuditAnswer } from '../audit/audit.view-model';
import { REASON_MAX_LENGTH } from '../erasure-reason';
import type { FormErrors } from '../form-errors';

/** POST /victims/:victimId/erasure: what the erasure did, case by case (200 once the read models forgot the victim, 202 before). */
export interface ErasureAnswer {
  victimId: string;
  basis: string;
  cases: Array<{ caseId: string; urn: string | null; eventId: string; alreadyRecorded: boolean }>;
  keyDestroyed: true;
  notificationsRemoved: number;
  readModels: 'forgotten' | 'pending';
}

/** What the erasure form's POST found, kept in the session for the result page it redirects to. */
export type ErasureOutcome =
  | { victimId: string; answer: ErasureAnswer }
  /** Erased before: the API's 410, or the audit log's entry when the result page is opened again later. */
  | { victimId: string; gone: true; erasedAt?: string; erasedBy?: string };

/** A victim id as the API takes one in the path: not blank, at most 200 characters. */
export const isVictimId = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '' && value.length <= 200;

const pathOf = (victimId: string) => `/victims/${encodeURIComponent(victimId)}/erasure`;

/** The start page: the victim's ID typed or pasted, and the erasures made so far (from the audit log). */
export function erasureStartViewModel(recent: AuditAnswer, victimId = '', errors?: FormErrors) {
  return {
    pageTitle: 'Erase a victim’s personal data',
    victimId,
    errorList: errors?.errorList,
    errors: errors?.byField ?? {},
    erasures: recent.entries.map((entry) => ({
      at: londonDateTime(entry.at),
      who: entry.agency ? `${entry.subject} (${entry.agency})` : entry.subject,
      victimId: entry.victimId ?? '',
      reason: entry.reason ?? '',
      cases: entry.caseIds.length,
    })),
    erasuresCaption:
      recent.entries.length >= recent.total
        ? `${recent.total === 1 ? 'The erasure' : `All ${recent.total}`}, from the audit log, newest first`
        : `The ${recent.entries.length} most recent of ${recent.total}, from the audit log`,
  };
}

/**
 * The confirmation page: what the erasure removes and what it cannot, with what the audit log says
 * of the victim (the cases it names them in, the last time anyone opened their data), and the reason asked for.
 */
export function erasureConfirmViewModel(victimId: string, audit: AuditAnswer, reason = '', errors?: FormErrors) {
  const cases = [...new Set(audit.entries.flatMap((entry) => entry.caseIds))];
  const erasedBefore = audit.entries.find((entry) => entry.action === 'victim-data-erased');
  const opened = audit.entries.find((entry) => entry.action !== 'victim-data-erased');
  return {
    pageTitle: 'Erase this victim’s personal data',
    victimId,
    action: pathOf(victimId),
    reason,
    reasonMaxLength: REASON_MAX_LENGTH,
    errorList: errors?.errorList,
    errors: errors?.byField ?? {},
    auditLink: `/audit?${new URLSearchParams({ victimId })}`,
    audit: {
      entries: audit.total,
      cases,
      lastOpened: opened ? `${londonDateTime(opened.at)} by ${opened.subject}` : undefined,
      erasedBefore: erasedBefore ? `${londonDateTime(erasedBefore.at)} by ${erasedBefore.subject}` : undefined,
    },
  };
}

/** The result page: erased, erased with the read models still forgetting, or erased already. */
export function erasureResultViewModel(outcome: ErasureOutcome) {
  const { victimId } = outcome;
  const auditLink = `/audit?${new URLSearchParams({ victimId, action: 'victim-data-erased' })}`;
  if ('gone' in outcome || outcome.answer.cases.every((erased) => erased.alreadyRecorded)) {
    return {
      pageTitle: 'Already erased',
      victimId,
      auditLink,
      outcome: 'already-erased' as const,
      title: 'This victim’s personal data was already erased',
      text:
        'gone' in outcome && outcome.erasedAt
          ? `The audit log records the erasure on ${londonDateTime(outcome.erasedAt)} by ${outcome.erasedBy ?? 'someone unnamed'}.`
          : 'Nothing more was erased. Anything an earlier erasure left unfinished has now been completed.',
      cases: 'gone' in outcome ? [] : casesOf(outcome.answer),
      notificationsRemoved: 'gone' in outcome ? 0 : outcome.answer.notificationsRemoved,
    };
  }
  const pending = outcome.answer.readModels === 'pending';
  return {
    pageTitle: pending ? 'Erased: still being forgotten' : 'Personal data erased',
    victimId,
    auditLink,
    outcome: pending ? ('pending' as const) : ('erased' as const),
    title: pending ? 'Personal data erased: still being forgotten' : 'Personal data erased',
    text: pending
      ? 'Their key is destroyed, so their sealed details can no longer be opened. The journeys and worklists have not yet read the erasure: they forget the victim when they do, usually within seconds.'
      : 'Their key is destroyed, so their sealed details can no longer be opened, and the journeys and worklists have forgotten them.',
    cases: casesOf(outcome.answer),
    notificationsRemoved: outcome.answer.notificationsRemoved,
  };
}

const casesOf = (answer: ErasureAnswer) => answer.cases.map((erased) => ({ caseId: erased.caseId, urn: erased.urn ?? erased.caseId, status: erased.alreadyRecorded ? 'Already recorded before' : 'Erasure recorded now' }));
