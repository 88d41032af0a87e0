export { handoffPayloadErrors, validateCrimeReport, validateHandoff, type BodyRules, type FieldError, type ValidatedHandoff, type Validation } from './body-validation';
export { HANDOFF_PAYLOAD_MODELS, HANDOFF_PAYLOADS, HANDOFF_TYPES, isHandoffType, type HandoffPayload } from './handoff-payloads';
export type { HandoffData, HandoffType } from './handoff-type';
export { RecordHandoffDto, type HandoffRequest } from './record-handoff.dto';
export { RecordingDto } from './recording.dto';
export { ReportCrimeDto } from './report-crime.dto';
export { VictimDto } from './victim.dto';
export { ChargeDto, OffenceDto } from './offence.dto';
export * from './payloads/police.dto';
export * from './payloads/cps.dto';
export * from './payloads/court.dto';
export * from './payloads/witness-care.dto';
export * from './payloads/probation.dto';
export * from './payloads/victim-contact.dto';
export * from './payloads/corrections.dto';
export {
  ALTERNATIVE_ENDINGS,
  CRIME_REPORT_EXAMPLE,
  CRIME_REPORT_OPENAPI_EXAMPLES,
  EXAMPLE_IDS,
  HANDOFF_EXAMPLES,
  HANDOFF_OPENAPI_EXAMPLES,
} from './examples';
