import type { OffenceCategory } from '@case-journey/domain';
import type { Rulebook } from '@case-journey/victims-code';
import { choiceOf, DAY_MS, HOUR_MS } from './distributions';
import { generateCase, type GeneratedCase } from './journey/case-journey';
import type { CodeTerms, SealPersonalData } from './journey/journey';
import type { GeneratorProfile } from './profile';
import { Random } from './random';
import { dutyTermsOf, type CodeCalendar } from './victims-code-terms';

export interface GeneratorOptions {
  seed: number;
  /** Seals each victim's details; pass a deterministic sealer for reproducible output. */
  seal: SealPersonalData;
  /** The Victims' Code working-day calendar and rulebook (`@case-journey/victims-code`). */
  calendar: CodeCalendar;
  rulebook: Rulebook;
  /** Generate this many cases instead of the profile's number. */
  cases?: number;
  /** Set the generator's clock (ISO instant) instead of the profile's, e.g. to today for a live demo. */
  now?: string;
}

/**
 * The profile's cases, one at a time (so a million events never sit in memory at once). Case i
 * draws from its own random stream (seed, i), so it is the same whatever else the run holds.
 */
export function* generateCases(profile: GeneratorProfile, options: GeneratorOptions): Generator<GeneratedCase> {
  const cases = options.cases ?? profile.cases;
  const nowMs = Date.parse(options.now ?? profile.now);
  if (Number.isNaN(nowMs)) throw new RangeError(`The generator's clock must be an ISO instant, not ${options.now ?? profile.now}`);
  const firstDayMs = Math.floor(nowMs / DAY_MS) * DAY_MS - profile.reportingDays * DAY_MS;
  const code: CodeTerms = { rulebook: options.rulebook, calendar: options.calendar, duties: dutyTermsOf(options.rulebook) };
  const areaOf = choiceOf(Object.fromEntries(profile.areas.map((area, i) => [String(i), area.share])));
  const categoryOf = choiceOf(Object.fromEntries(Object.entries(profile.offences).map(([category, offence]) => [category, offence.share])));

  for (let index = 0; index < cases; index++) {
    const random = Random.seeded(options.seed, index);
    const area = profile.areas[Number(areaOf(random))];
    const category = categoryOf(random) as OffenceCategory;
    // Spread evenly over the reporting days in case order, at a daytime or evening hour.
    const day = Math.floor(((index + random.float()) / cases) * profile.reportingDays);
    const reportedMs = Math.min(firstDayMs + day * DAY_MS + Math.floor((7 + 16 * random.float()) * HOUR_MS), nowMs - 2 * HOUR_MS);
    const caseReference = `${profile.name}/${options.seed}/${index}`;
    const urn = `${area.forceCode}${area.name.slice(0, 2).toUpperCase()}${String(index % 100_000).padStart(5, '0')}${String(new Date(reportedMs).getUTCFullYear() % 100).padStart(2, '0')}`;
    yield generateCase({ caseReference, urn, area, category, reportedMs, nowMs }, profile, code, random, options.seal);
  }
}
