import type { Agency, ContactChannel, OffenceCategory, OptOutScope } from '@case-journey/domain';
import type { ObligationStatus } from '@case-journey/victims-code';
import { keyPart } from '../runner/projection-keys';
import { actionableObligations, type CaseObligations } from './case-obligations';
import { isOpen } from './compliance-cells';

export const OPEN_STATUSES = ['pending', 'due-soon', 'breached'] as const satisfies readonly ObligationStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export const RIGHTS = ['standard', 'enhanced'] as const;
export type Rights = (typeof RIGHTS)[number];

/** One line of a worklist: an open deadline obligation and what the unit needs to act on it. */
export interface WorklistItem {
  obligationId: string;
  caseId: string;
  urn: string | null;
  area: string | null;
  offenceCategory: OffenceCategory | null;
  victimId: string;
  ruleId: string;
  right: number;
  responsible: Agency;
  status: OpenStatus;
  rights: Rights;
  dueAt: string;
  clockStartedAt: string;
  triggerType: string;
  lateWorkingDays: number | null;
  victim: { enhanced: boolean; contactPreference: ContactChannel | null; optOuts: OptOutScope[] };
}

/** Where an open obligation is listed: sorted sets scored by its due instant, one item in a hash. */
export interface WorklistPlacement {
  score: number;
  /** Key suffixes of the sorted sets it belongs to. */
  indexes: string[];
  item: WorklistItem;
}

/**
 * The sorted set of an agency's open obligations of one status and rights, nationally or in one
 * area: a query names at most 3 × 2 of them and merges by due instant.
 */
export function worklistIndex(agency: Agency, status: OpenStatus, rights: Rights, area?: string): string {
  return ['worklist', agency, status, rights, ...(area === undefined ? [] : [keyPart(area)])].join(':');
}

export function worklistOf(doc: CaseObligations | null): Map<string, WorklistPlacement> {
  const placements = new Map<string, WorklistPlacement>();
  if (!doc) return placements;
  const victims = new Map(doc.victims.map((victim) => [victim.victimId, victim]));
  for (const obligation of actionableObligations(doc)) {
    if (!isOpen(obligation) || obligation.dueAt === null) continue;
    const status = obligation.status as OpenStatus;
    const victim = victims.get(obligation.victimId);
    const indexes = [worklistIndex(obligation.responsible, status, obligation.rights)];
    if (doc.area !== null) indexes.push(worklistIndex(obligation.responsible, status, obligation.rights, doc.area));
    placements.set(obligation.id, {
      score: Date.parse(obligation.dueAt),
      indexes,
      item: {
        obligationId: obligation.id,
        caseId: doc.caseId,
        urn: doc.urn,
        area: doc.area,
        offenceCategory: doc.offenceCategory,
        victimId: obligation.victimId,
        ruleId: obligation.ruleId,
        right: obligation.right,
        responsible: obligation.responsible,
        status,
        rights: obligation.rights,
        dueAt: obligation.dueAt,
        clockStartedAt: obligation.clockStartedAt,
        triggerType: obligation.triggerType,
        lateWorkingDays: obligation.lateWorkingDays,
        victim: { enhanced: victim?.enhanced.enhanced ?? false, contactPreference: victim?.contactPreference ?? null, optOuts: victim?.optOuts ?? [] },
      },
    });
  }
  return placements;
}
