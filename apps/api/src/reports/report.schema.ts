import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const cell: SchemaObject = {
  type: 'object',
  description: 'rate: numerator of denominator and their quotient; count: the count (numerator and value); median, p90: the value, with the cases measured as denominator. A suppressed cell has null figures and suppressed: true',
  properties: {
    numerator: { type: 'number', nullable: true },
    denominator: { type: 'number', nullable: true },
    value: { type: 'number', nullable: true },
    suppressed: { type: 'boolean', enum: [true] },
  },
  required: ['numerator', 'denominator', 'value'],
};
const interval: SchemaObject = { type: 'object', nullable: true, properties: { lower: { type: 'number' }, upper: { type: 'number' } } };
const row: SchemaObject = {
  type: 'object',
  properties: {
    group: { type: 'object', additionalProperties: { type: 'string' }, description: 'dimension → value, for each groupBy dimension', example: { entitlement: 'R4.referral' } },
    cells: { type: 'object', additionalProperties: cell, description: 'column id → figures' },
    comparison: {
      type: 'object',
      nullable: true,
      description: 'Grouped by a victim characteristic: the headline rate against the reference group (null where suppression hides it)',
      properties: {
        reference: { type: 'string', nullable: true },
        rate: { type: 'number', nullable: true },
        interval: { ...interval, description: 'Wilson 95 % interval of the rate' },
        isReference: { type: 'boolean' },
        rateRatio: { type: 'number', nullable: true },
        rateRatioInterval: interval,
        test: { type: 'string', nullable: true, enum: ['fisher-exact', 'two-proportion-z', null] },
        pValue: { type: 'number', nullable: true },
        significant: { type: 'boolean' },
      },
    },
  },
  required: ['group', 'cells'],
};

/** A measure's report (the reporting library's `Report`), as GET /reports/{measure} and GET /public/reports/{measure} send it. */
export const REPORT_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    measure: {
      type: 'object',
      properties: Object.fromEntries(['id', 'title', 'description', 'definitions', 'definitionsVersion', 'version', 'unit', 'numerator', 'denominator', 'counting', 'headline'].map((name) => [name, { type: 'string' }])),
    },
    basis: {
      type: 'object',
      properties: { kind: { type: 'string', enum: ['live', 'as-of', 'frozen'] }, asOf: { type: 'string', format: 'date-time' }, snapshotMonth: { type: 'string', example: '2025-03' } },
      required: ['kind', 'asOf'],
    },
    areas: { type: 'array', items: { type: 'string' }, nullable: true, description: 'null: every area' },
    months: { type: 'array', items: { type: 'string', example: '2025-03' } },
    groupBy: { type: 'array', items: { type: 'string' } },
    filters: { type: 'object', additionalProperties: { type: 'string' } },
    columns: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, statistic: { type: 'string', enum: ['rate', 'count', 'median', 'p90'] }, unit: { type: 'string' } } },
    },
    rows: { type: 'array', items: row },
    total: { ...row, nullable: true, description: 'All rows together; null where groups do not add up (timeliness intervals)' },
    disproportionality: {
      type: 'object',
      nullable: true,
      properties: { characteristic: { type: 'string', enum: ['ageBand', 'sex', 'ethnicity'] }, column: { type: 'string' }, confidence: { type: 'number' } },
    },
    suppression: { type: 'object', description: 'Present when suppressed: the rule applied', properties: { threshold: { type: 'integer' }, includeZeros: { type: 'boolean' }, protection: { type: 'number' } } },
    snapshotComparison: {
      type: 'object',
      description: 'A live report of one frozen month (not to the public): what moved since the snapshot, and the late records behind it',
      properties: {
        month: { type: 'string' },
        snapshot: { type: 'object', properties: { month: { type: 'string' }, asOf: { type: 'string', format: 'date-time' }, frozenAt: { type: 'string', format: 'date-time' }, definitionsVersion: { type: 'string' } } },
        differs: { type: 'boolean' },
        changes: { type: 'array', items: { type: 'object', properties: { group: { type: 'object' }, column: { type: 'string' }, frozen: { type: 'object' }, live: { type: 'object' } } } },
        lateRecords: {
          type: 'array',
          items: {
            type: 'object',
            properties: Object.fromEntries(['eventId', 'caseId', 'type', 'agency', 'occurredAt', 'recordedAt', 'month', 'frozenAt'].map((name) => [name, { type: 'string' }])),
          },
        },
      },
    },
  },
  required: ['measure', 'basis', 'areas', 'months', 'groupBy', 'filters', 'columns', 'rows', 'total', 'disproportionality'],
};

/** Where an as-of report's job stands (202). */
export const AS_OF_JOB_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    jobId: { type: 'string' },
    state: { type: 'string', example: 'active' },
    progress: { type: 'object', nullable: true, properties: { phase: { type: 'string', enum: ['reading', 'counting'] }, eventsRead: { type: 'integer' }, casesCounted: { type: 'integer' }, cases: { type: 'integer' } } },
    report: { type: 'object', nullable: true },
    failedReason: { type: 'string', nullable: true },
  },
};
