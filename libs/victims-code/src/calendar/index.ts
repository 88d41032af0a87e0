export { WorkingDayCalendar, type WorkingDayCalendarOptions } from './working-day-calendar';
export { bankHolidaysOfEnglandAndWales } from './bank-holidays';
export { londonDayOf } from './london-day';
export { formatInstant, parseInstant } from './iso-instants';
export { endOfLondonDayMs, endOfLondonDayOf, endOfLondonWeekOf, londonDaysBetweenMs, londonMonthOf, startOfLondonDayMs } from './london-days';
