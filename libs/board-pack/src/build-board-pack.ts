import { boardPackOf, figuresDigest, packReportsNeeded, protectionRule, reportKey, type Report, type PackReportRequest, type PackRequest } from '@case-journey/reporting';
import { renderBoardPack, type PageRenderer } from '@case-journey/pages';
import type { PdfPrinter } from './pdf-printer';
import type { PackStore, StoredPack } from './pack-store';

/** Where a pack's reports come from: the measures' reports for an area and a month, frozen where a snapshot exists. */
export interface PackReportSource {
  report(request: PackReportRequest, area: string | null): Promise<Report>;
}

export interface PackProgress {
  phase: 'reports' | 'rendering' | 'printing' | 'storing';
  reportsRead: number;
  reportsNeeded: number;
}

export interface PackBuild {
  id: string;
  request: PackRequest;
  source: PackReportSource;
  renderer: PageRenderer;
  printer: PdfPrinter;
  store: PackStore;
  now: () => Date;
  onProgress?: (progress: PackProgress) => unknown;
}

/**
 * Builds a month's pack: reads its reports, computes the figures, renders the page, prints the PDF,
 * checks the figures against earlier packs built from the same frozen snapshots, and stores it.
 */
export async function buildBoardPack({ id, request, source, renderer, printer, store, now, onProgress }: PackBuild): Promise<StoredPack> {
  const needed = packReportsNeeded(request.month);
  const reports = new Map<string, Report>();
  for (const [read, reportRequest] of needed.entries()) {
    await onProgress?.({ phase: 'reports', reportsRead: read, reportsNeeded: needed.length });
    reports.set(reportKey(reportRequest), await source.report(reportRequest, request.area));
  }
  await onProgress?.({ phase: 'rendering', reportsRead: needed.length, reportsNeeded: needed.length });
  const pack = boardPackOf(request, reports);
  const digest = figuresDigest(pack);
  const builtAt = now().toISOString();
  const html = renderBoardPack(renderer, pack, { packId: id, builtAt, digest });
  await onProgress?.({ phase: 'printing', reportsRead: needed.length, reportsNeeded: needed.length });
  const pdf = await printer.print(html, pack.title);
  await onProgress?.({ phase: 'storing', reportsRead: needed.length, reportsNeeded: needed.length });
  const rule = protectionRule(request.suppression);
  const suppression = request.suppress ? { threshold: rule.threshold, includeZeros: rule.includeZeros } : null;
  const comparable = { month: request.month, area: request.area, suppressed: request.suppress, suppression, periods: pack.periods };
  const stored: StoredPack = {
    id,
    area: request.area,
    month: request.month,
    suppressed: request.suppress,
    suppression,
    title: pack.title,
    builtAt,
    figuresDigest: digest,
    periods: pack.periods,
    reproducibility: (await store.list())
      .filter((earlier) => sameSnapshots(earlier, comparable))
      .map((earlier) => ({ packId: earlier.id, builtAt: earlier.builtAt, sameFigures: earlier.figuresDigest === digest })),
    pdfBytes: pdf.length,
  };
  await store.save(stored, pack, html, pdf);
  return stored;
}

/** Two packs of one month, area and suppression rule whose every period is the same frozen snapshot. */
function sameSnapshots(earlier: StoredPack, now: Pick<StoredPack, 'month' | 'area' | 'suppressed' | 'suppression' | 'periods'>): boolean {
  if (earlier.month !== now.month || earlier.area !== now.area || JSON.stringify([earlier.suppressed, earlier.suppression]) !== JSON.stringify([now.suppressed, now.suppression])) return false;
  return now.periods.every((period, i) => period.basis.kind === 'frozen' && JSON.stringify(period.basis) === JSON.stringify(earlier.periods[i]?.basis));
}
