import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsInt, IsObject, IsOptional, IsString } from 'class-validator';
import { QueryParamsPipe } from './query-params.pipe';
import { RequestValidationError } from './request-validation.error';

class WithDefaults {
  @IsOptional() @IsIn(['a', 'b']) kind?: string;
  @IsOptional() @IsString({ each: true }) groupBy: string[] = ['entitlement'];
}

class WithRequired {
  @IsString() purpose!: string;
}

/** Every kind of value a parameter can hold once class-transformer has made it: text, number, yes/no, list, instant, object. */
class OfEveryKind {
  @IsString() area!: string;
  @Type(() => Number) @IsInt() limit!: number;
  @Transform(({ value }) => value === 'true') @IsBoolean() enhanced!: boolean;
  @Transform(({ value }) => String(value).split(',')) @IsString({ each: true }) status!: string[];
  @Type(() => Date) @IsDate() dueBefore!: Date;
  @Transform(({ value }) => ({ from: String(value).split('..')[0], to: String(value).split('..')[1] })) @IsObject() period!: { from: string; to: string };
}

const asQuery = (metatype: new () => object) => ({ type: 'query' as const, metatype });

describe('QueryParamsPipe', () => {
  const pipe = new QueryParamsPipe();

  it('gives each request without a query string a new instance with its defaults, one not shared with the next', async () => {
    const first = (await pipe.transform({}, asQuery(WithDefaults))) as WithDefaults;
    first.groupBy.push('area');
    const second = (await pipe.transform({}, asQuery(WithDefaults))) as WithDefaults;
    expect(second).toBeInstanceOf(WithDefaults);
    expect(second.groupBy).toEqual(['entitlement']);
    expect(second.kind).toBeUndefined();
  });

  it('given a query string found valid, gives each later request with it the same parameters in an instance of its own', async () => {
    const first = (await pipe.transform({ kind: 'a', groupBy: ['area'] }, asQuery(WithDefaults))) as WithDefaults;
    first.groupBy.push('offence');
    first.kind = 'b';
    const second = (await pipe.transform({ kind: 'a', groupBy: ['area'] }, asQuery(WithDefaults))) as WithDefaults;
    expect(second).toBeInstanceOf(WithDefaults);
    expect(second).toEqual({ kind: 'a', groupBy: ['area'] });
  });

  it('given a query string found valid, no change a handler makes to one request\'s parameters of any kind shows in the next request\'s', async () => {
    const query = { area: 'Wessex', limit: '20', enhanced: 'true', status: 'due-soon,breached', dueBefore: '2026-11-30T23:59:59.000Z', period: '2026-01..2026-03' };
    const asked = { area: 'Wessex', limit: 20, enhanced: true, status: ['due-soon', 'breached'], dueBefore: new Date('2026-11-30T23:59:59.000Z'), period: { from: '2026-01', to: '2026-03' } };
    for (let request = 0; request < 3; request += 1) {
      const params = (await pipe.transform({ ...query }, asQuery(OfEveryKind))) as OfEveryKind;
      expect(params).toBeInstanceOf(OfEveryKind);
      expect(params).toEqual(asked);
      // What a handler might do with its own parameters:
      params.area = 'Anglia';
      params.limit += 1;
      params.enhanced = false;
      params.status.push('due-today');
      params.dueBefore.setUTCDate(1);
      params.period.to = '2026-12';
    }
  });

  it('refuses a query string found invalid every time it is asked', async () => {
    await expect(pipe.transform({ kind: 'c' }, asQuery(WithDefaults))).rejects.toBeInstanceOf(RequestValidationError);
    await expect(pipe.transform({ kind: 'c' }, asQuery(WithDefaults))).rejects.toBeInstanceOf(RequestValidationError);
  });

  it('still validates a query string after an empty one passed', async () => {
    await pipe.transform({}, asQuery(WithDefaults));
    await expect(pipe.transform({ kind: 'c' }, asQuery(WithDefaults))).rejects.toBeInstanceOf(RequestValidationError);
    await expect(pipe.transform({ unknown: '1' }, asQuery(WithDefaults))).rejects.toBeInstanceOf(RequestValidationError);
  });

  it('refuses every empty query string of a class with a required parameter, not only the first', async () => {
    await expect(pipe.transform({}, asQuery(WithRequired))).rejects.toBeInstanceOf(RequestValidationError);
    await expect(pipe.transform({}, asQuery(WithRequired))).rejects.toBeInstanceOf(RequestValidationError);
  });
});
