import { requestedAreaRefusal, type Grant } from '@case-journey/access';
import { AccessRefusedError } from './access-refused.error';

/** A list or figures asked for an area outside the caller's: 403, naming the area. */
export function refuseAreaOutOfScope(caller: Grant, area: string | undefined): void {
  const refusal = requestedAreaRefusal(caller, area);
  if (refusal) throw AccessRefusedError.from(refusal);
}
