import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportKey, type Report, type PackReportRequest } from '@case-journey/reporting';
import { PageRenderer } from '@case-journey/pages';
import { handBuiltPackReports, type HandBuiltPeriod } from '../../reporting/src/pack/testing/hand-built-pack-reports';
import { buildBoardPack, type PackProgress, type PackReportSource } from './build-board-pack';
import { newPackId, PackStore } from './pack-store';
import type { PdfPrinter } from './pdf-printer';

/** Stands in for Chromium here (the PDF spec prints for real): the "PDF" is the page and the print instant, so two prints differ. */
const printer = { print: async (html: string) => Buffer.from(`${html}\n${process.hrtime.bigint()}`), close: async () => undefined } as unknown as PdfPrinter;
const renderer = new PageRenderer();

const march: HandBuiltPeriod = { counts: { 'code-compliance': { entitlement: { 'R4.referral': [40, 6, 4, 0], 'R8.hearing-date': [20, 2, 8, 0] } } } };

function sourceOf(reports: Map<string, Report>, kind: Report['basis']['kind'] = 'frozen'): PackReportSource & { asked: PackReportRequest[] } {
  const asked: PackReportRequest[] = [];
  return {
    asked,
    report: async (request) => {
      asked.push(request);
      const report = reports.get(reportKey(request))!;
      return { ...report, basis: { ...report.basis, kind } };
    },
  };
}

describe('building, storing and listing board packs', () => {
  let dataDirectory: string;
  beforeEach(() => (dataDirectory = mkdtempSync(join(tmpdir(), 'board-packs-'))));
  afterEach(() => rmSync(dataDirectory, { recursive: true, force: true }));

  const build = (store: PackStore, source: PackReportSource, onProgress?: (progress: PackProgress) => unknown) =>
    buildBoardPack({ id: newPackId(), request: { area: 'Wessex', month: '2025-03', suppress: true }, source, renderer, printer, store, now: () => new Date(), onProgress });

  it('reads every report the pack needs, reporting progress, and stores the pack, page and PDF for good', async () => {
    const source = sourceOf(handBuiltPackReports('2025-03', { 'this-month': march, 'last-month': march, 'last-year': march }));
    const progress: PackProgress[] = [];
    const stored = await build(new PackStore(dataDirectory), source, (step) => progress.push(step));
    expect(source.asked.length).toBe(progress.filter((step) => step.phase === 'reports').length);
    expect(progress.map((step) => step.phase).slice(-3)).toEqual(['rendering', 'printing', 'storing']);
    // A new store on the same folder (a restarted API) lists and reads it.
    const reopened = new PackStore(dataDirectory);
    expect(await reopened.list()).toEqual([stored]);
    const { pack } = (await reopened.get(stored.id))!;
    expect(pack.month).toBe('2025-03');
    expect((await reopened.pdf(stored.id))!.length).toBe(stored.pdfBytes);
    expect((await reopened.html(stored.id))!.toString()).toContain(stored.figuresDigest);
    expect(stored.suppression).toEqual({ threshold: 5, includeZeros: false });
  });

  it('finds the same figures when a pack is rebuilt from the same frozen snapshots, though the PDF differs', async () => {
    const store = new PackStore(dataDirectory);
    const reports = handBuiltPackReports('2025-03', { 'this-month': march, 'last-month': march, 'last-year': march });
    const first = await build(store, sourceOf(reports));
    const second = await build(store, sourceOf(reports));
    expect(second.figuresDigest).toBe(first.figuresDigest);
    expect(second.reproducibility).toEqual([{ packId: first.id, builtAt: first.builtAt, sameFigures: true }]);
    expect((await store.pdf(second.id))!.equals((await store.pdf(first.id))!)).toBe(false);
    expect((await store.list()).map((stored) => stored.id)).toEqual([second.id, first.id]);
  });

  it('flags a rebuild from the same snapshots whose figures differ, and compares nothing that is not frozen', async () => {
    const store = new PackStore(dataDirectory);
    const first = await build(store, sourceOf(handBuiltPackReports('2025-03', { 'this-month': march, 'last-month': march, 'last-year': march })));
    const moved: HandBuiltPeriod = { counts: { 'code-compliance': { entitlement: { 'R4.referral': [41, 6, 4, 0], 'R8.hearing-date': [20, 2, 8, 0] } } } };
    const changed = await build(store, sourceOf(handBuiltPackReports('2025-03', { 'this-month': moved, 'last-month': march, 'last-year': march })));
    expect(changed.reproducibility).toEqual([{ packId: first.id, builtAt: first.builtAt, sameFigures: false }]);
    const live = await build(store, sourceOf(handBuiltPackReports('2025-03', { 'this-month': march, 'last-month': march, 'last-year': march }), 'live'));
    expect(live.reproducibility).toEqual([]);
  });

  it('lists no half-written pack and refuses ids that are not pack ids', async () => {
    const store = new PackStore(dataDirectory);
    mkdirSync(join(store.directory, `.partial-${newPackId()}`), { recursive: true });
    expect(await store.list()).toEqual([]);
    expect(await store.get('../../etc')).toBeUndefined();
    expect(await store.pdf(newPackId())).toBeUndefined();
  });
});
