import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { CaseEvent } from '@case-journey/domain';
import { handoffPayloadErrors, isHandoffType, OffenceDto, type BodyRules, type FieldError } from '../dto';
import { checkShape } from '../dto/body-shape';
import { isUrn } from '../dto/formats';

const PATH = 'data.data';

/** What of a crime report a correction may replace: not its victims, whose details are sealed. */
const CORRECTABLE_IN_A_CRIME_REPORT: Record<string, (value: unknown) => FieldError[]> = {
  urn: (value) => (isUrn(value) ? [] : [{ field: `${PATH}.urn`, messages: ['urn must be 2 digits, 2 capital letters and 7 digits, e.g. 01AB2345624'] }]),
  area: (value) => (typeof value === 'string' && value.trim() !== '' ? [] : [{ field: `${PATH}.area`, messages: ['area must not be empty or only spaces'] }]),
  offence: (value) => {
    const offence = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    const shape = checkShape(offence, OffenceDto, `${PATH}.offence`);
    if (shape.total > 0) return shape.errors;
    return validateSync(plainToInstance(OffenceDto, offence), { whitelist: true, forbidNonWhitelisted: true }).map((error) => ({
      field: `${PATH}.offence.${error.property}`,
      messages: Object.values(error.constraints ?? {}),
    }));
  },
};

/**
 * The errors of a correction's replacement data, checked merged into the event it corrects as that
 * event's type would be: a correction must not store what the original could not have.
 */
export function correctionErrors(target: CaseEvent, replacement: Record<string, unknown>, rules: BodyRules): FieldError[] {
  if (target.type === 'VictimRegistered') {
    return [{ field: PATH, messages: ["a victim's registration holds sealed personal data and cannot be corrected field by field: record what changed (VictimOptedOut, VictimOptedBackIn, EnhancedRightsRecognised), or retract it and register the victim again under a new id"] }];
  }
  if (target.type === 'CrimeReported') {
    return Object.entries(replacement).flatMap(([field, value]) =>
      Object.hasOwn(CORRECTABLE_IN_A_CRIME_REPORT, field)
        ? CORRECTABLE_IN_A_CRIME_REPORT[field](value)
        : [{ field: `${PATH}.${field}`, messages: [`a crime report's ${field} cannot be corrected (correctable: ${Object.keys(CORRECTABLE_IN_A_CRIME_REPORT).join(', ')})`] }],
    );
  }
  if (!isHandoffType(target.type)) return [{ field: PATH, messages: [`a ${target.type} cannot be corrected`] }];
  const { caseId: _caseId, ...current } = target.data as unknown as Record<string, unknown>;
  return handoffPayloadErrors(target.type, { ...current, ...replacement }, PATH, rules);
}
