import type { CaseEventData, ContactChannel } from '@case-journey/domain';
import { CONTACT_CHANNELS } from '@case-journey/domain';
import { DAY_MS, drawDelay } from '../distributions';
import type { FeedProfile } from '../profile';
import type { Random } from '../random';
import type { CaseLog, Entry } from './case-log';

/**
 * What real feeds do to a clean journey. The journey's true facts stay what the case reads once
 * corrections are applied (`effectiveEvents`), so rates measured on it keep their calibration:
 * - a contact keyed with the wrong channel, or (keyed days late) with the keying time as its time,
 *   and corrected later;
 * - a contact keyed twice, the copy retracted later;
 * - an event delivered twice with the same source reference (the store keeps one).
 */
export function untidy(log: CaseLog, feeds: FeedProfile, random: Random): void {
  const journey = [...log.entries];
  for (const entry of journey) {
    if (entry.event.type !== 'VictimInformed') continue;
    if (random.chance(feeds.corrected)) miskeyAndCorrect(log, entry, feeds, random);
    else if (random.chance(feeds.retracted)) keyTwiceAndRetract(log, entry, feeds, random);
  }
  for (const entry of log.entries) {
    if (random.chance(feeds.duplicateDelivery)) entry.redeliveredAfter = random.integer(1, 4);
  }
}

function miskeyAndCorrect(log: CaseLog, entry: Entry, feeds: FeedProfile, random: Random): void {
  const event = entry.event as Extract<Entry['event'], { type: 'VictimInformed' }>;
  const correction: CaseEventData<'EventCorrected'> = { caseId: event.data.caseId, correctedEventId: event.metadata.eventId, reason: '' };
  if (entry.recordedMs - entry.occurredMs > DAY_MS) {
    const trueTime = event.metadata.occurredAt;
    event.metadata.occurredAt = event.metadata.recordedAt;
    correction.occurredAt = trueTime;
    correction.reason = 'back-recorded contact keyed with the date of entry';
  } else {
    const trueChannel = event.data.channel;
    event.data = { ...event.data, channel: otherChannel(trueChannel, random) };
    correction.data = { channel: trueChannel };
    correction.reason = 'contact channel keyed wrongly';
  }
  const at = entry.recordedMs + Math.floor(drawDelay(random, feeds.lateRecordedAfter));
  log.record('EventCorrected', correction, { occurredMs: at, agency: event.metadata.agency, after: entry });
}

function keyTwiceAndRetract(log: CaseLog, entry: Entry, feeds: FeedProfile, random: Random): void {
  const copy = log.rekey(entry, entry.recordedMs + random.integer(1, 120) * 60_000);
  const at = copy.recordedMs + Math.floor(drawDelay(random, feeds.lateRecordedAfter));
  const data = { caseId: (entry.event.data as { caseId: string }).caseId, retractedEventId: copy.event.metadata.eventId, reason: 'contact keyed twice' };
  log.record('EventRetracted', data, { occurredMs: at, agency: entry.event.metadata.agency, after: copy });
}

function otherChannel(channel: ContactChannel, random: Random): ContactChannel {
  const others = CONTACT_CHANNELS.filter((candidate) => candidate !== channel);
  return random.pick(others);
}
