import { Body, Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiBody, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { AGENCIES, OFFENCE_CATEGORIES } from '@case-journey/domain';
import { CRIME_REPORT_OPENAPI_EXAMPLES, HANDOFF_OPENAPI_EXAMPLES } from './examples';
import { HANDOFF_PAYLOAD_MODELS, HANDOFF_TYPES } from './handoff-payloads';
import { RecordHandoffDto } from './record-handoff.dto';
import { ReportCrimeDto } from './report-crime.dto';

/** Two routes that take the bodies, only so that the OpenAPI document can be built and read. */
@Controller('cases')
class DocumentedRoutes {
  @Post()
  @ApiBody({ type: ReportCrimeDto, examples: CRIME_REPORT_OPENAPI_EXAMPLES })
  report(@Body() report: ReportCrimeDto): ReportCrimeDto {
    return report;
  }

  @Post(':id/events')
  @ApiBody({ type: RecordHandoffDto, examples: HANDOFF_OPENAPI_EXAMPLES })
  record(@Body() handoff: RecordHandoffDto): RecordHandoffDto {
    return handoff;
  }
}

@Module({ controllers: [DocumentedRoutes] })
class DocumentedModule {}

describe('the OpenAPI document of the request bodies', () => {
  let document: OpenAPIObject;
  const schema = (name: string): SchemaObject => document.components?.schemas?.[name] as SchemaObject;
  const property = (model: string, name: string): SchemaObject => schema(model).properties?.[name] as SchemaObject;

  beforeAll(async () => {
    const app = await NestFactory.create(DocumentedModule, { logger: false });
    document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('case-journey').build());
    await app.close();
  });

  it('documents a schema for every handoff payload, and offers them as the shapes of data', () => {
    const names = HANDOFF_PAYLOAD_MODELS.map((model) => model.name);

    expect(names.filter((name) => !schema(name))).toEqual([]);
    expect(property('RecordHandoffDto', 'data').oneOf).toEqual(names.map((name) => ({ $ref: `#/components/schemas/${name}` })));
  });

  it('lists the handoff types and the agencies from the domain vocabulary', () => {
    expect(property('RecordHandoffDto', 'type').enum).toEqual(HANDOFF_TYPES);
    expect(property('RecordHandoffDto', 'agency').enum).toEqual([...AGENCIES]);
    expect(property('OffenceDto', 'category').enum).toEqual([...OFFENCE_CATEGORIES]);
  });

  it('marks required what validation requires, and says when a conditional field becomes required', () => {
    expect(schema('RecordHandoffDto').required).toEqual(expect.arrayContaining(['type', 'data', 'occurredAt']));
    // The agency and the recorder come from the caller's token; the body may only repeat them.
    for (const fromToken of ['agency', 'recordedBy', 'sourceSystem']) expect(schema('RecordHandoffDto').required).not.toContain(fromToken);
    expect(schema('VictimDto').required?.sort()).toEqual(['consentToReferral', 'contactPreference', 'kind', 'name']);
    expect(property('VictimDto', 'contactName').description).toMatch(/Required for a business/);
  });

  it('documents inherited fields, nested lists and instant formats', () => {
    expect(property('HearingListedDto', 'hearingId').type).toBe('string');
    expect(property('HearingListedDto', 'scheduledFor').format).toBe('date-time');
    expect(property('ChargeDecisionMadeDto', 'charges').items).toEqual({ $ref: '#/components/schemas/ChargeDto' });
    expect(property('ReportCrimeDto', 'victims').items).toEqual({ $ref: '#/components/schemas/VictimDto' });
  });

  it('offers one example body per handoff type', () => {
    const body = document.paths['/cases/{id}/events'].post?.requestBody as { content: Record<string, { examples: object }> };

    expect(Object.keys(body.content['application/json'].examples).sort()).toEqual([...HANDOFF_TYPES].sort());
  });
});
