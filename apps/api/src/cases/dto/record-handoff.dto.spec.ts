import { validateHandoff, type FieldError } from './body-validation';
import { HANDOFF_EXAMPLES } from './examples';
import { HANDOFF_PAYLOADS, HANDOFF_TYPES } from './handoff-payloads';
import type { HandoffType } from './handoff-type';
import { RecordHandoffDto } from './record-handoff.dto';

type Body = Record<string, unknown>;
type Data = Record<string, unknown>;

const example = (type: HandoffType): Body => structuredClone(HANDOFF_EXAMPLES[type]) as unknown as Body;
const handoff = (type: HandoffType, changeData: (data: Data) => Data = (data) => data, changes: Body = {}): Body => {
  const body = example(type);
  return { ...body, ...changes, data: changeData(body.data as Data) };
};
const without = (body: Body, ...fields: string[]): Body => Object.fromEntries(Object.entries(body).filter(([key]) => !fields.includes(key)));

async function errorsFor(body: unknown): Promise<FieldError[]> {
  const result = await validateHandoff(body);
  if (result.ok) throw new Error('expected the handoff to be refused');
  return result.errors;
}
const fieldsAtFault = async (body: unknown): Promise<string[]> => (await errorsFor(body)).map((error) => error.field);

/** One bad payload per handoff type and the one field it must be refused for. */
const INVALID: { [T in HandoffType]: { data: (data: Data) => Data; field: string } } = {
  VictimRegistered: { data: (d) => ({ victim: { ...(d.victim as Data), kind: 'company' } }), field: 'data.victim.kind' },
  EnhancedRightsRecognised: { data: (d) => ({ ...d, grounds: [{ ground: 'unlucky' }] }), field: 'data.grounds[0].ground' },
  VictimNeedsAssessed: { data: (d) => ({ ...d, needsIdentified: 'emotional support' }), field: 'data.needsIdentified' },
  VictimReferredToSupport: { data: (d) => ({ ...d, service: '' }), field: 'data.service' },
  VictimDeclinedSupportReferral: { data: () => ({ victimId: 'V2' }), field: 'data.victimId' },
  InvestigationNotPursued: { data: () => ({}), field: 'data.reason' },
  SuspectEventRecorded: { data: (d) => ({ ...d, kind: 'charged' }), field: 'data.kind' },
  FileSubmittedToCps: { data: (d) => ({ ...d, kind: 'summary' }), field: 'data.kind' },
  FileReviewed: { data: (d) => ({ ...d, outcome: 'returned', missingItems: [] }), field: 'data.missingItems' },
  ChargeDecisionMade: {
    data: (d) => ({ ...d, charges: [{ chargeId: 'CHG-1', offence: { description: 'Robbery', category: 'mugging' } }] }),
    field: 'data.charges[0].offence.category',
  },
  ChargesAltered: { data: (d) => ({ ...d, charges: [] }), field: 'data.charges' },
  ProsecutionEnded: { data: (d) => ({ ...d, ending: 'dropped' }), field: 'data.ending' },
  HearingListed: { data: (d) => ({ ...d, scheduledFor: '2025-06-16T09:30:00' }), field: 'data.scheduledFor' },
  CourtNoticeReceived: { data: (d) => ({ ...d, notice: 'listing' }), field: 'data.notice' },
  HearingHeld: { data: (d) => ({ ...d, result: 'ineffective' }), field: 'data.ineffectiveReason' },
  PleaEntered: { data: (d) => ({ ...d, plea: 'no-comment' }), field: 'data.plea' },
  WitnessRequired: { data: (d) => ({ ...d, hearingId: 7 }), field: 'data.hearingId' },
  VerdictReached: { data: (d) => ({ ...d, verdict: 'guilty' }), field: 'data.verdict' },
  SentencePassed: { data: (d) => ({ hearingId: d.hearingId, disposal: 'custody' }), field: 'data.custodyMonths' },
  AppealLodged: { data: (d) => ({ ...d, by: 'victim' }), field: 'data.by' },
  AppealDecided: { data: (d) => ({ ...d, outcome: 'quashed' }), field: 'data.outcome' },
  VictimInformed: { data: (d) => ({ ...d, topic: 'weather' }), field: 'data.topic' },
  VictimOptedOut: { data: (d) => ({ ...d, scope: 'everything' }), field: 'data.scope' },
  VictimOptedBackIn: { data: (d) => ({ victimId: d.victimId }), field: 'data.scope' },
  VictimWithdrewSupport: { data: (d) => ({ ...d, stage: 'appeal' }), field: 'data.stage' },
  VictimContactSchemeReferralMade: { data: () => ({}), field: 'data.victimId' },
  VictimContactSchemeReferralReceived: { data: (d) => ({ ...d, officer: 'VLO 118' }), field: 'data.officer' },
  VictimLiaisonOfficerContactMade: { data: (d) => ({ ...d, channel: 'carrier-pigeon' }), field: 'data.channel' },
  ExpensesClaimReceived: { data: (d) => ({ ...d, claimId: '' }), field: 'data.claimId' },
  ExpensesPaid: { data: (d) => ({ ...d, amountPence: 24.5 }), field: 'data.amountPence' },
  EventCorrected: { data: (d) => ({ correctedEventId: d.correctedEventId, reason: d.reason }), field: 'data.data' },
  EventRetracted: { data: (d) => ({ ...d, retractedEventId: 'the last one' }), field: 'data.retractedEventId' },
};

describe('POST /cases/:id/events body: one handoff', () => {
  it('has an example for every handoff type, and CrimeReported is not one', () => {
    expect(Object.keys(HANDOFF_EXAMPLES).sort()).toEqual([...HANDOFF_TYPES].sort());
    expect(HANDOFF_TYPES).not.toContain('CrimeReported');
  });

  it.each(HANDOFF_TYPES)('given the %s example, when validated, then its data is accepted as that type’s payload', async (type) => {
    const result = await validateHandoff(example(type));

    expect(result).toMatchObject({ ok: true, value: { type } });
    if (!result.ok) return;
    expect(result.value).toBeInstanceOf(RecordHandoffDto);
    expect(result.value.data).toBeInstanceOf(HANDOFF_PAYLOADS[type]);
  });

  it.each(HANDOFF_TYPES)('refuses a bad %s payload, naming the field by its full path', async (type) => {
    const invalid = INVALID[type];

    expect(await fieldsAtFault(handoff(type, invalid.data))).toEqual([invalid.field]);
  });

  describe('unknown fields', () => {
    it('are refused in the envelope, in the data and deep inside it', async () => {
      const body = handoff(
        'ChargeDecisionMade',
        (data) => ({ ...data, urgent: true, charges: [{ chargeId: 'CHG-1', offence: { description: 'Robbery', category: 'robbery', colour: 'red' } }] }),
        { priority: 'high' },
      );

      expect(await errorsFor(body)).toEqual(
        expect.arrayContaining([
          { field: 'priority', messages: ['property priority should not exist'] },
          { field: 'data.urgent', messages: ['property urgent should not exist'] },
          { field: 'data.charges[0].offence.colour', messages: ['property colour should not exist'] },
        ]),
      );
      expect(await errorsFor(body)).toHaveLength(3);
    });

    it('are answered together with the other faults, a built-in name included', async () => {
      const data = Object.defineProperty({ ...(example('PleaEntered').data as object), plea: 'maybe' }, 'constructor', { value: {}, enumerable: true });
      const body = { ...example('PleaEntered'), recordedBy: ' ', priority: 'high', data };

      expect((await fieldsAtFault(body)).sort()).toEqual(['data.constructor', 'data.plea', 'priority', 'recordedBy']);
    });
  });

  describe('the type', () => {
    it('when unknown, is refused naming the types allowed, and the data is not judged against any', async () => {
      const errors = await errorsFor({ ...example('HearingListed'), type: 'HearingCancelled' });

      expect(errors.map((error) => error.field)).toEqual(['type']);
      expect(errors[0].messages[0]).toMatch(/^type must be one of the following values: VictimRegistered, .*HearingListed, .*EventRetracted$/);
    });

    it('CrimeReported is sent to POST /cases instead', async () => {
      expect(await errorsFor({ ...example('HearingListed'), type: 'CrimeReported' })).toEqual([
        { field: 'type', messages: ['type CrimeReported opens a case: send the crime report to POST /cases'] },
      ]);
    });

    it.each(['constructor', '__proto__', 'toString'])('%s is an unknown type, not a way into the payload table', async (type) => {
      expect(await fieldsAtFault({ ...example('HearingListed'), type })).toEqual(['type']);
    });

    it('when missing, is required', async () => {
      expect(await errorsFor(without(example('HearingListed'), 'type'))).toEqual([{ field: 'type', messages: ['type is required'] }]);
    });
  });

  describe('instants', () => {
    it.each([
      ['occurredAt', 'occurredAt', handoff('HearingListed', (d) => d, { occurredAt: '2025-04-01T15:00:00' })],
      ['receivedAt', 'receivedAt', handoff('CourtNoticeReceived', (d) => d, { receivedAt: '2025-04-02' })],
      ['data.scheduledFor', 'scheduledFor', handoff('HearingListed', (d) => ({ ...d, scheduledFor: '2025-06-16 09:30' }))],
      [
        'data.grounds[0].decidedAt',
        'decidedAt',
        handoff('EnhancedRightsRecognised', (d) => ({ ...d, grounds: [{ ground: 'intimidated', decidedAt: '2025-03-04T10:30' }] })),
      ],
    ])('without a zone are refused (%s)', async (field, property, body) => {
      expect(await errorsFor(body)).toEqual([
        { field, messages: [`${property} must be an ISO-8601 instant with a time zone (Z or ±hh:mm), e.g. 2025-01-06T21:40:00Z`] },
      ]);
    });

    it('with an offset are accepted and held in UTC, in the envelope and in the data', async () => {
      const result = await validateHandoff(
        handoff('HearingListed', (d) => ({ ...d, scheduledFor: '2025-06-16T10:30:00+01:00' }), { occurredAt: '2025-04-01T16:00:00+01:00' }),
      );

      expect(result).toMatchObject({ ok: true, value: { occurredAt: '2025-04-01T15:00:00.000Z', data: { scheduledFor: '2025-06-16T09:30:00.000Z' } } });
    });
  });

  it('refuses a source reference without its source system', async () => {
    expect(await fieldsAtFault(without(example('HearingListed'), 'sourceSystem'))).toEqual(['sourceSystem']);
  });

  it('reports the envelope’s faults and the data’s together', async () => {
    const body = handoff('PleaEntered', (d) => ({ ...d, plea: 'maybe' }), { agency: 'Court', recordedBy: '' });

    expect((await fieldsAtFault(body)).sort()).toEqual(['agency', 'data.plea', 'recordedBy']);
  });

  it.each([
    ['missing', undefined, 'data is required'],
    ['a list', [{ hearingId: 'HRG-1' }], 'data must be an object'],
    ['a text', 'HRG-1', 'data must be an object'],
  ])('refuses data that is %s', async (_what, data, message) => {
    expect(await errorsFor({ ...example('HearingListed'), data })).toEqual([{ field: 'data', messages: [message] }]);
  });

  it.each([null, [example('HearingListed')], 'HearingListed'])('refuses a body that is not an object (%p)', async (body) => {
    expect(await fieldsAtFault(body)).toEqual(['body']);
  });

  describe('rules across fields of one payload', () => {
    it('enhanced-rights grounds may leave who decided and when to the handoff, but not name an unknown agency', async () => {
      expect((await validateHandoff(example('EnhancedRightsRecognised'))).ok).toBe(true);
      expect(
        await fieldsAtFault(handoff('EnhancedRightsRecognised', (d) => ({ ...d, grounds: [{ ground: 'intimidated', decidedBy: 'Court' }] }))),
      ).toEqual(['data.grounds[0].decidedBy']);
    });

    it('a cracked trial needs its reason', async () => {
      expect(await fieldsAtFault(handoff('HearingHeld', (d) => ({ ...d, result: 'cracked' })))).toEqual(['data.crackedReason']);
      expect((await validateHandoff(handoff('HearingHeld', (d) => ({ ...d, result: 'cracked', crackedReason: 'late-guilty-plea' })))).ok).toBe(true);
    });

    it("an ineffective trial needs the court's reason code, with its group", async () => {
      const ineffective = (reason: unknown) => handoff('HearingHeld', (d) => ({ ...d, result: 'ineffective', ineffectiveReason: reason }));

      expect((await validateHandoff(ineffective({ code: 'P3', group: 'prosecution' }))).ok).toBe(true);
      expect(await fieldsAtFault(ineffective({ code: 'P3', group: 'police' }))).toEqual(['data.ineffectiveReason.group']);
    });

    it('conditional bail names its conditions', async () => {
      const bailed = (conditions: unknown) =>
        handoff('HearingHeld', (d) => ({ ...d, bailOutcome: 'conditional-bail', ...(conditions !== undefined && { bailConditions: conditions }) }));

      expect(await errorsFor(bailed(undefined))).toEqual([
        { field: 'data.bailConditions', messages: ['bailConditions is required for conditional bail: the victim is told the conditions'] },
      ]);
      expect(await fieldsAtFault(bailed([]))).toEqual(['data.bailConditions']);
      expect((await validateHandoff(bailed(['curfew 19:00 to 07:00']))).ok).toBe(true);
    });

    it('a decision to charge names a charge; no further action need not', async () => {
      expect(await fieldsAtFault(handoff('ChargeDecisionMade', (d) => ({ ...d, charges: [] })))).toEqual(['data.charges']);
      expect((await validateHandoff(handoff('ChargeDecisionMade', (d) => ({ ...d, decision: 'no-further-action', charges: [] })))).ok).toBe(true);
    });

    it('a non-custodial sentence needs no custody length', async () => {
      expect((await validateHandoff(handoff('SentencePassed', (d) => ({ hearingId: d.hearingId, disposal: 'community-order' })))).ok).toBe(true);
      expect(await fieldsAtFault(handoff('SentencePassed', (d) => ({ ...d, custodyMonths: 0 })))).toEqual(['data.custodyMonths']);
    });

    it('a correction may correct only when something happened', async () => {
      const correction = handoff('EventCorrected', (d) => ({ correctedEventId: d.correctedEventId, occurredAt: '2025-04-01T14:00:00Z', reason: 'Wrong time' }));

      expect((await validateHandoff(correction)).ok).toBe(true);
      expect(await fieldsAtFault(handoff('EventCorrected', (d) => ({ ...d, data: {} })))).toEqual(['data.data']);
    });
  });

  it('takes a victim in plain text, validated as a crime report’s victims are', async () => {
    const body = handoff('VictimRegistered', (d) => ({ victim: { ...(d.victim as Data), kind: 'person', contactName: undefined } }));

    expect(await fieldsAtFault(body)).toEqual(['data.victim.dateOfBirth']);
  });
});
