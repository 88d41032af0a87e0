import { caseStateFrom, type CaseEvent } from '@case-journey/domain';
import { DEMO_PROFILE, generateCases, type SealPersonalData } from '@case-journey/synthetic';
import { londonDayOf, obligations, VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import type { CountTable } from '../suppression';

const OUTCOMES = ['met', 'met-late', 'breached'] as const;

/** Seals to a fixed envelope: the tables need no victim's details. */
const seal: SealPersonalData = (victimId) => ({ keyId: `victim-${victimId}`, algorithm: 'aes-256-gcm', iv: 'demo', ciphertext: 'demo', authTag: 'demo' });

/**
 * The demo area's compliance as a board would table it, straight from the Code engine: for each area
 * and London month of the due instant, judged deadlines by outcome (met on time, met late, breached),
 * broken down by victims' ethnic group and by entitlement. Small areas and months give small cells.
 */
export function demoComplianceTables(): Array<{ label: string; table: CountTable }> {
  const calendar = new WorkingDayCalendar();
  const cases = [...generateCases(DEMO_PROFILE, { seed: 42, calendar, rulebook: VICTIMS_CODE_2020, seal })];
  const byEthnicity = new Tally();
  const byEntitlement = new Tally();
  for (const generated of cases) {
    const events = uniqueEvents(generated.events);
    const victims = new Map(caseStateFrom(events).victims.map((victim) => [victim.victimId, victim]));
    for (const obligation of obligations(events, DEMO_PROFILE.now, { calendar })) {
      const outcome = OUTCOMES.indexOf(obligation.status as (typeof OUTCOMES)[number]);
      if (obligation.kind !== 'deadline' || outcome < 0 || !obligation.dueAt) continue;
      const place = `${generated.area} ${londonDayOf(obligation.dueAt).slice(0, 7)}`;
      byEthnicity.add(place, victims.get(obligation.victimId)?.ethnicity ?? 'not-recorded', outcome);
      byEntitlement.add(place, obligation.ruleId, outcome);
    }
  }
  return [...byEthnicity.tables('ethnicity'), ...byEntitlement.tables('entitlement')];
}

function uniqueEvents(events: readonly CaseEvent[]): CaseEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => !seen.has(event.metadata.eventId) && seen.add(event.metadata.eventId));
}

class Tally {
  private readonly places = new Map<string, Map<string, number[]>>();

  add(place: string, row: string, outcome: number): void {
    const rows = this.places.get(place) ?? new Map<string, number[]>();
    this.places.set(place, rows);
    const counts = rows.get(row) ?? OUTCOMES.map(() => 0);
    rows.set(row, counts);
    counts[outcome] += 1;
  }

  tables(breakdown: string): Array<{ label: string; table: CountTable }> {
    return [...this.places].sort(([a], [b]) => a.localeCompare(b)).map(([place, rows]) => {
      const names = [...rows.keys()].sort();
      return { label: `${place} by ${breakdown}`, table: { rows: names, columns: [...OUTCOMES], counts: names.map((name) => rows.get(name)!) } };
    });
  }
}
