import { isSuppressed, type PackColumn, type PackFigure } from './board-pack';

/** The GOV.UK statistical symbol for a figure withheld to protect confidentiality. */
export const SUPPRESSED_SYMBOL = '[c]';
/** Shown where there is no figure (nothing was due). */
export const NO_FIGURE = '–';

const counts = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const percent = (share: number) => `${oneDecimal.format(share * 100)}%`;

/** A figure as the pack prints it: one function for the page, the PDF and the tests that read them back. */
export function formatFigure(figure: PackFigure, format: PackColumn['format']): string {
  if (figure === null) return NO_FIGURE;
  if (isSuppressed(figure)) return SUPPRESSED_SYMBOL;
  if (typeof figure === 'string') return figure;
  if (typeof figure === 'object') return format === 'interval' ? `${percent(figure.lower)} to ${percent(figure.upper)}` : `${twoDecimals.format(figure.lower)} to ${twoDecimals.format(figure.upper)}`;
  switch (format) {
    case 'percent':
      return percent(figure);
    case 'ratio':
      return twoDecimals.format(figure);
    case 'days':
      return `${counts.format(figure)}`;
    default:
      return counts.format(figure);
  }
}

/** A change in a proportion, in percentage points, signed: `+2.5 pts`, `−1.0 pts`. */
export function formatChange(change: number | null, unit: 'proportion' | 'days'): string {
  if (change === null) return NO_FIGURE;
  const magnitude = unit === 'proportion' ? `${oneDecimal.format(Math.abs(change * 100))} pts` : `${counts.format(Math.abs(change))} days`;
  return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${magnitude}`;
}
