import type { Principal } from '@case-journey/access';
import { grantFor } from '@case-journey/access';
import type { VictimPersonalData } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore, PersonalDataVault } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { DEMO_PROFILE, generateCases, requestRecords } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { RecordingSealer } from '../../../../libs/synthetic/src/testing/recording-sealer';
import { recordingOfLine } from '../imports/import-line';
import { CaseStreamRepository } from './case-stream.repository';
import { HandoffRecorder } from './handoff-recorder';
import { RecordingBatch, WorkingCases } from './recording-batch';

const NOW = new Date('2025-12-01T12:00:00.000Z');
const OPERATOR: Principal = { subject: 'ops.lee', roles: ['admin'], areas: [], sourceSystems: [] };

describe('a batch of recordings', () => {
  const sealer = new RecordingSealer();
  const [generated] = [...generateCases(DEMO_PROFILE, { seed: 3, cases: 1, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: sealer.seal })];
  const details = new Map<string, VictimPersonalData>(sealer.sealed.map(({ victimId, details: sealed }) => [victimId, sealed]));
  const lines = [...requestRecords([generated], (victimId) => details.get(victimId))];
  const store = SqliteEventStore.inMemory();
  const repository = new CaseStreamRepository(store, loadConfiguration({}));
  const recorder = new HandoffRecorder(repository, loadConfiguration({}), new PersonalDataVault(new InMemoryVictimKeyStore()));
  const decision = grantFor(OPERATOR, 'imports:run');
  const context = { caller: decision.granted ? decision.grant : (undefined as never), rules: {}, now: () => NOW };
  const recordingOf = (index: number) => recordingOfLine(lines[index], context);

  afterAll(() => store.close());

  /** A store, repository and recorder of the test's own, so that what the repository keeps starts empty. */
  function ownRecorder() {
    const ownStore = SqliteEventStore.inMemory();
    const ownRepository = new CaseStreamRepository(ownStore, loadConfiguration({}));
    const own = { store: ownStore, repository: ownRepository, recorder: new HandoffRecorder(ownRepository, loadConfiguration({}), new PersonalDataVault(new InMemoryVictimKeyStore())) };
    return { own, close: () => ownStore.close() };
  }

  it('given another writer moved a case after the batch read it, then nothing of the batch is stored by it and each record is recorded on its own, once', async () => {
    const working = new WorkingCases();
    const first = new RecordingBatch(recorder, repository, working);
    const report = await recordingOf(0);
    await first.add(report.recording, report.options);
    expect((await first.commit()).map((outcome) => outcome.outcome)).toEqual(['accepted']);

    // Another writer records the second line, after the batch folded the case at revision 0.
    const second = await recordingOf(1);
    await recorder.record(second.recording, second.options);

    const batch = new RecordingBatch(recorder, repository, working);
    for (const index of [1, 2]) {
      const { recording, options } = await recordingOf(index);
      await batch.add(recording, options);
    }
    expect((await batch.commit()).map((outcome) => outcome.outcome)).toEqual(['replayed', 'accepted']);
    expect((await store.readStream(`case-${generated.caseId}`)).map((event) => event.revision)).toEqual([0n, 1n, 2n]);
  });

  it('given a dry run over a case this process already loaded, then the case as the process keeps it holds nothing of the dry run', async () => {
    const { own, close } = ownRecorder();
    try {
      const report = await recordingOf(0);
      await own.recorder.record(report.recording, report.options); // loaded and kept folded by the repository

      const dry = new RecordingBatch(own.recorder, own.repository, new WorkingCases());
      const next = await recordingOf(1);
      expect(await dry.add(next.recording, next.options)).toMatchObject({ outcome: 'accepted' });
      await dry.commit({ dryRun: true });

      // The same record sent for real afterwards is stored, not taken for one already stored.
      expect(await own.recorder.record(next.recording, next.options)).toMatchObject({ replayed: false, revision: 1n });
      expect((await own.store.readStream(`case-${generated.caseId}`)).map((event) => event.revision)).toEqual([0n, 1n]);
    } finally {
      await close();
    }
  });

  it('given another writer moved a case the process had loaded before the batch folded it, then the refused batch records each line once, none taken for stored', async () => {
    const { own, close } = ownRecorder();
    try {
      const report = await recordingOf(0);
      await own.recorder.record(report.recording, report.options); // the case kept folded at revision 0

      const batch = new RecordingBatch(own.recorder, own.repository, new WorkingCases());
      const third = await recordingOf(2);
      await batch.add(third.recording, third.options); // decided against revision 0
      const second = await recordingOf(1);
      await own.recorder.record(second.recording, second.options); // another writer's revision 1, meanwhile

      expect((await batch.commit()).map((outcome) => outcome.outcome)).toEqual(['accepted']);
      const stored = await own.store.readStream(`case-${generated.caseId}`);
      expect(stored.map((event) => [event.revision, event.type])).toEqual([
        [0n, lines[0].type],
        [1n, lines[1].type],
        [2n, lines[2].type],
      ]);
    } finally {
      await close();
    }
  });

  it('given more cases in one batch than the working cases keep, then each record is decided against what the batch decided before it for its case', async () => {
    const twoSealer = new RecordingSealer();
    const two = [...generateCases(DEMO_PROFILE, { seed: 5, cases: 2, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: twoSealer.seal })];
    const twoDetails = new Map<string, VictimPersonalData>(twoSealer.sealed.map(({ victimId, details: sealed }) => [victimId, sealed]));
    const [first, second] = two.map((one) => [...requestRecords([one], (victimId) => twoDetails.get(victimId))].slice(0, 3));
    // Interleaved, as an extract sorted by time sends them: each case's report, then its next records.
    const interleaved = [first[0], second[0], first[1], second[1], first[2], second[2]];
    const ownStore = SqliteEventStore.inMemory();
    const ownRepository = new CaseStreamRepository(ownStore, loadConfiguration({}));
    const ownRecorder = new HandoffRecorder(ownRepository, loadConfiguration({}), new PersonalDataVault(new InMemoryVictimKeyStore()));
    try {
      const batch = new RecordingBatch(ownRecorder, ownRepository, new WorkingCases(1));
      for (const line of interleaved) {
        const { recording, options } = recordingOfLine(line, context);
        await batch.add(recording, options);
      }
      expect((await batch.commit()).map((outcome) => outcome.outcome)).toEqual(interleaved.map(() => 'accepted'));
      for (const one of two) expect(await ownStore.readStream(`case-${one.caseId}`)).toHaveLength(3);
    } finally {
      await ownStore.close();
    }
  });
});
