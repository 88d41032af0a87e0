import { withinAreas } from '@case-journey/access';
import { RequestValidationError } from '../../http/request-validation.error';
import { inUtc } from '../dto/formats';
import { CaseNotFoundError } from '../case-errors';
import type { CaseStream, CaseStreamRepository } from '../case-stream.repository';

/** The instant asked for, refused when it is still to come: the past is all the product knows. */
export function pastInstant(asOf: string | undefined, now: Date): Date | undefined {
  if (asOf === undefined) return undefined;
  const at = new Date(inUtc(asOf));
  if (at.getTime() > now.getTime()) {
    throw new RequestValidationError([{ field: 'asOf', messages: [`asOf must not be in the future (it is now ${now.toISOString()})`] }]);
  }
  return at;
}

/** A case's stream as recorded by an instant, beside the whole stream (what was erased since must stay erased). */
export interface CaseStreamAsOf extends CaseStream {
  wholeStream: CaseStream;
}

/**
 * A case's stream as recorded by `asOf`, read from the event store so it is exact whatever the
 * projections hold. Out of the caller's areas (as the case is now) it is not found, as always; with
 * nothing recorded by then, it did not exist yet: 404 saying so.
 */
export async function caseStreamAsOf(cases: CaseStreamRepository, caseId: string, asOf: Date, areas: readonly string[] | undefined): Promise<CaseStreamAsOf> {
  const loaded = await cases.load(caseId);
  if (!loaded || !withinAreas(areas, loaded.state.area)) throw new CaseNotFoundError(caseId);
  const kept = loaded.events.flatMap((event, index) => (Date.parse(event.metadata.recordedAt) <= asOf.getTime() ? [index] : []));
  if (kept.length === 0) throw new CaseNotFoundError(caseId, `Case ${caseId} did not exist at ${asOf.toISOString()}: its first record was stored at ${loaded.events[0].metadata.recordedAt}`);
  const recorded = kept.map((index) => loaded.recorded[index]);
  return { caseId, recorded, events: kept.map((index) => loaded.events[index]), revision: recorded[recorded.length - 1].revision, wholeStream: loaded };
}
