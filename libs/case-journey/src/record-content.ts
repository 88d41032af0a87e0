import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { CaseEventData, CaseEventType, SealedPersonalData, VictimRegistration } from './events';

/**
 * What a record says, as opposed to how and when it was stored: its type, its data and when, by
 * which agency and in which piece of work it happened. A source reference or Idempotency-Key
 * names one record; sent again with other content, it is refused rather than answered as before.
 *
 * Left out: the event id and source reference (they are the key), recordedAt and the schema
 * version (the server's), recordedBy (a re-delivery keyed by a colleague or a feed's retry
 * account is the same record) and the causation id (the server's). A victim's sealed details
 * enter as their key id only: the envelope's IV is random, and a hash of the details themselves
 * would outlive the victim's erasure and could be confirmed by guessing a name and a birthday.
 */
export interface RecordedContent<T extends CaseEventType = CaseEventType> {
  type: T;
  data: CaseEventData<T>;
  metadata: { occurredAt: string; receivedAt?: string; agency: string; correlationId?: string };
}

const withKeyIdOnly = (victim: VictimRegistration) => ({ ...victim, personal: victim.personal.keyId });

/** The data of a record with every sealed envelope replaced by its key id. */
const CONTENT_OF: { [T in CaseEventType]?: (data: CaseEventData<T>) => object } = {
  CrimeReported: (data) => ({ ...data, victims: data.victims.map(withKeyIdOnly) }),
  VictimRegistered: (data) => ({ ...data, victim: withKeyIdOnly(data.victim) }),
};

/** The content of a record (command or event) as one plain object, the parts named as the request names them. */
export function recordContent<T extends CaseEventType>({ type, data, metadata }: RecordedContent<T>): Record<string, unknown> {
  const contentOf = CONTENT_OF[type] as ((data: CaseEventData<T>) => object) | undefined;
  const { occurredAt, receivedAt, agency, correlationId } = metadata;
  return { type, data: contentOf ? contentOf(data) : data, occurredAt, receivedAt, agency, correlationId };
}

/**
 * The SHA-256 of the record's content in RFC 8785 canonical JSON (keys sorted, one spelling of each
 * number and string), so the same content gives the same hash whoever built it: the API or the
 * synthetic generator. Stored in the event's metadata as `contentHash`.
 */
export function contentHashOf(record: RecordedContent): string {
  const canonical = canonicalJson(recordContent(record));
  return `sha256:${hash('sha256', canonical, 'base64url')}`;
}

/** The parts of two records' content that differ: `occurredAt`, `data.channel`… */
export function differingContent(stored: RecordedContent, resent: RecordedContent): string[] {
  const [before, after] = [recordContent(stored), recordContent(resent)];
  const differs = (a: unknown, b: unknown) => canonicalJson(a) !== canonicalJson(b);
  return Object.keys(before).flatMap((part) => {
    if (part !== 'data') return differs(before[part], after[part]) ? [part] : [];
    const [was, is] = [before.data, after.data] as Array<Record<string, unknown>>;
    return [...new Set([...Object.keys(was), ...Object.keys(is)])].filter((key) => differs(was[key], is[key])).map((key) => `data.${key}`);
  });
}

/** Where a record holds victims' sealed details: `data.victims[0]`, `data.victim`. */
export function sealedDetailsOf({ type, data }: Pick<RecordedContent, 'type' | 'data'>): Array<{ path: string; sealed: SealedPersonalData }> {
  if (type === 'CrimeReported') {
    return (data as CaseEventData<'CrimeReported'>).victims.map((victim, index) => ({ path: `data.victims[${index}]`, sealed: victim.personal }));
  }
  if (type === 'VictimRegistered') return [{ path: 'data.victim', sealed: (data as CaseEventData<'VictimRegistered'>).victim.personal }];
  return [];
}
