import { londonDay } from '../http/london-time';

/**
 * The periods the picker offers, newest first: the last six months together, each of the last twelve
 * months, the last four quarters and the last two years, in the API's own forms
 * (`2026-06..2026-11`, `2026-11`, `2026-Q4`, `2026`).
 */
export function periodChoices(now: Date): Array<{ value: string; text: string }> {
  const [year, month] = londonDay(now).split('-').map(Number);
  const monthAt = (back: number) => {
    const index = year * 12 + (month - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  };
  const monthName = (ym: string) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`));
  const quarter = Math.floor((month - 1) / 3) + 1;
  const quarters = Array.from({ length: 4 }, (_, back) => {
    const index = year * 4 + (quarter - 1) - back;
    return { year: Math.floor(index / 4), q: (index % 4) + 1 };
  });
  return [
    { value: `${monthAt(5)}..${monthAt(0)}`, text: `The last six months (${monthName(monthAt(5))} to ${monthName(monthAt(0))})` },
    ...Array.from({ length: 12 }, (_, back) => ({ value: monthAt(back), text: monthName(monthAt(back)) })),
    ...quarters.map(({ year: y, q }) => ({ value: `${y}-Q${q}`, text: `Quarter ${q}, ${y}` })),
    { value: String(year), text: String(year) },
    { value: String(year - 1), text: String(year - 1) },
  ];
}

/** The chosen period if the picker offers it, else the first choice. */
export const chosenPeriod = (choices: Array<{ value: string }>, asked: unknown): string =>
  choices.find((choice) => choice.value === asked)?.value ?? choices[0].value;
