import { IsIn, IsOptional, IsString } from 'class-validator';
import { QueryParamsPipe } from './query-params.pipe';
import { RequestValidationError } from './request-validation.error';

class WithDefaults {
  @IsOptional() @IsIn(['a', 'b']) kind?: string;
  @IsOptional() @IsString({ each: true }) groupBy: string[] = ['entitlement'];
}

class WithRequired {
  @IsString() purpose!: string;
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
