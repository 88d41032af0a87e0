import type { CaseEvent } from '@case-journey/domain';
import { boardPackOf, figuresDigest, formatChange, formatFigure, packReportsNeeded, reportKey, type BoardPack, type Report } from '@case-journey/reporting';
import { victim } from '../../victims-code/src/testing/case-events';
import { charged, referred, reported } from '../../victims-code/src/testing/journey';
import { reportOf, type HandBuiltCases } from '../../reporting/src/testing/hand-built-cases';
import { PageRenderer, renderBoardPack } from '@case-journey/pages';
import { handBuiltPackReports } from '../../reporting/src/pack/testing/hand-built-pack-reports';
import { PdfPrinter } from './pdf-printer';
import { pdfText } from './testing/pdf-text';

/** Whitespace-separated tokens, so wrapping inside a cell or a label does not matter (Chromium also breaks after a hyphen). */
const tokens = (text: string) => text.replace(/-\n/g, '-').split(/\s+/).filter(Boolean);
const containsRun = (haystack: readonly string[], run: readonly string[]) =>
  haystack.some((_, start) => run.every((token, i) => haystack[start + i] === token));

describe("the board pack's PDF, printed by Chromium", () => {
  const printer = new PdfPrinter();
  let pack: BoardPack;
  let text: string;

  beforeAll(async () => {
    const reports = handBuiltPackReports('2025-03', {
      'this-month': {
        counts: {
          'code-compliance': {
            entitlement: { 'R4.referral': [40, 6, 4, 0], 'R6.charge-decision': [30, 5, 5, 0], 'R8.hearing-date': [20, 2, 8, 0] },
            ethnicity: { white: [70, 8, 12, 0], black: [10, 3, 5, 0], asian: [8, 2, 0, 0], mixed: [2, 0, 0, 0] },
            sex: { female: [50, 7, 9, 0], male: [40, 6, 8, 0] },
          },
          'trial-effectiveness': { courtTier: { crown: [24, 18, 8, 0], magistrates: [30, 20, 10, 0] } },
          attrition: { offence: { violence: [9, 51], sexual: [6, 20] } },
        },
        timeliness: { 'reported-to-charge-decision': [40, 31, 90] },
      },
      'last-month': { counts: { 'code-compliance': { entitlement: { 'R4.referral': [60, 20, 20, 0] } } } },
      'last-year': { counts: { 'code-compliance': { entitlement: { 'R4.referral': [45, 5, 0, 0] } } } },
    });
    pack = boardPackOf({ area: 'Wessex', month: '2025-03', suppress: true }, reports);
    const html = renderBoardPack(new PageRenderer(), pack, { packId: 'pdf-spec', builtAt: '2025-04-10T09:00:00.000Z', digest: figuresDigest(pack) });
    text = await pdfText(await printer.print(html, pack.title));
  }, 120_000);

  afterAll(() => printer.close());

  it('is a PDF whose text holds every row of every table, figure by figure as in the JSON pack', () => {
    const words = tokens(text);
    const tables = pack.sections.flatMap((section) => section.tables);
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      for (const row of table.rows) {
        const run = tokens([row.label, ...table.columns.map((column) => formatFigure(row.cells[column.id], column.format))].join(' '));
        expect({ table: table.id, row: row.label, found: containsRun(words, run) }).toEqual({ table: table.id, row: row.label, found: true });
      }
    }
  });

  it('holds the headline comparison: 75.0% this month, 60.0% last month, 90.0% last year', () => {
    // Met on time 90 of 120; February 60 of 100; March 2024 45 of 50.
    const compliance = pack.sections.find((section) => section.measureId === 'code-compliance')!.headline!;
    expect(compliance.figures.map((figure) => figure.value)).toEqual([0.75, 0.6, 0.9]);
    expect(containsRun(tokens(text), tokens(`75.0% 60.0% ${formatChange(0.15, 'proportion')} 90.0% ${formatChange(-0.15, 'proportion')}`))).toBe(true);
  });

  it('holds the suppression note, the definitions and the figures digest', () => {
    const flat = tokens(text).join(' ');
    expect(flat).toContain('Counts below 5 are suppressed and shown as [c]');
    for (const definition of pack.definitions) expect(flat).toContain(`Measure ${definition.id}, shared-measures version 2026.1`);
    expect(text.replace(/\s+/g, '')).toContain(figuresDigest(pack));
  });
});

describe("the PDF of a pack built from real reports: its text holds the JSON reports' figures", () => {
  const printer = new PdfPrinter();
  const MONDAY = '2025-03-03T10:00:00.000Z';
  const cases: HandBuiltCases = {};
  // Twelve victims referred on time, four late and three never (breached): R4.referral 12 of 19; charged on 10 or 17 March.
  for (let i = 0; i < 19; i++) {
    const events: CaseEvent[] = [reported('r', MONDAY, [victim('v1', { sex: i % 2 ? 'male' : 'female', ethnicity: i % 3 ? 'white' : 'asian' })]), charged('c', i % 2 ? '2025-03-10T10:00:00.000Z' : '2025-03-17T10:00:00.000Z', 'charge', 'CPS')];
    if (i < 12) events.push(referred('f', '2025-03-04T11:00:00.000Z'));
    else if (i < 16) events.push(referred('f', '2025-03-07T11:00:00.000Z'));
    cases[`c${i}`] = events;
  }
  const reports = new Map<string, Report>();
  for (const request of packReportsNeeded('2025-03')) {
    reports.set(reportKey(request), reportOf(cases, request.measure, { months: [request.month], groupBy: request.groupBy }, '2025-04-10T12:00:00.000Z'));
  }
  let text: string;

  beforeAll(async () => {
    const pack = boardPackOf({ area: null, month: '2025-03', suppress: false }, reports);
    text = await pdfText(await printer.print(renderBoardPack(new PageRenderer(), pack, { packId: 'real-reports', builtAt: '2025-04-10T12:00:00.000Z', digest: figuresDigest(pack) }), pack.title));
  }, 120_000);
  afterAll(() => printer.close());

  it("holds each entitlement's counts and shares of the compliance report, and its total", () => {
    const report = reports.get(reportKey({ measure: 'code-compliance', groupBy: ['entitlement'], period: 'this-month' }))!;
    const referral = report.rows.find((row) => row.group.entitlement === 'R4.referral')!.cells;
    // Worked by hand: 12 on time, 4 late, 3 breached of 19 due.
    expect([referral['met-on-time'].numerator, referral['met-late'].numerator, referral.breached.numerator, referral['met-on-time'].denominator]).toEqual([12, 4, 3, 19]);
    for (const row of [...report.rows, { ...report.total!, group: { entitlement: 'Total' } }]) {
      const { cells } = row;
      const figures = ['met-on-time', 'met-late', 'breached'].flatMap((column) => [formatFigure(cells[column].numerator, 'count'), formatFigure(cells[column].value, 'percent')]);
      const run = tokens([row.group.entitlement, ...figures, formatFigure(cells['met-on-time'].denominator, 'count')].join(' '));
      expect({ row: row.group.entitlement, found: containsRun(tokens(text), run) }).toEqual({ row: row.group.entitlement, found: true });
    }
  });

  it("holds the timeliness report's median and 90th percentile", () => {
    const report = reports.get(reportKey({ measure: 'timeliness', groupBy: ['interval'], period: 'this-month' }))!;
    const toCharge = report.rows.find((row) => row.group.interval === 'reported-to-charge-decision')!.cells;
    // 9 cases (odd i) charged after 7 days, 10 after 14: the median (the 10th of 19) is 14 days, the 90th percentile (the 18th) 14.
    expect([toCharge.cases.value, toCharge['median-days'].value, toCharge['p90-days'].value]).toEqual([19, 14, 14]);
    expect(containsRun(tokens(text), tokens(`reported-to-charge-decision 19 14 14`))).toBe(true);
  });
});

describe('the PDF printer', () => {
  it('starts Chromium afresh after it has gone', async () => {
    const printer = new PdfPrinter();
    const first = await printer.print('<p>first</p>', 'first');
    const browser = await (printer as unknown as { browser: Promise<import('playwright-core').Browser> }).browser;
    await browser.close(); // as if it had crashed
    const second = await printer.print('<p>second</p>', 'second');
    await printer.close();
    expect([first, second].map((pdf) => pdf.subarray(0, 5).toString())).toEqual(['%PDF-', '%PDF-']);
  }, 60_000);

  it('says where it looked when there is no Chromium', async () => {
    await expect(new PdfPrinter('/nowhere/chromium').print('<p>x</p>', 'x')).rejects.toThrow('No Chromium at /nowhere/chromium: install Debian\'s (apt-get install -y chromium), or set CHROMIUM_PATH');
  });
});
