import { getMetadataStorage, IsInt, IsString, MaxLength, validateSync } from 'class-validator';
import { HANDOFF_PAYLOAD_MODELS } from './handoff-payloads';
import { RecordHandoffDto } from './record-handoff.dto';
import { ReportCrimeDto } from './report-crime.dto';
import { rememberValidationRules } from './remembered-rules';

const storage = getMetadataStorage();
// class-validator's own lookup, on the prototype: rememberValidationRules replaces the singleton's own methods.
const prototype = Object.getPrototypeOf(storage) as typeof storage;
const failedChecks = (value: object) => validateSync(value).flatMap((error) => Object.keys(error.constraints ?? {}).map((check) => `${error.property}: ${check}`));

describe("class-validator's rules of a class, remembered", () => {
  beforeAll(() => rememberValidationRules());

  it("answers, for every body's class, exactly the rules class-validator finds, grouped as it groups them", () => {
    for (const model of [ReportCrimeDto, RecordHandoffDto, ...HANDOFF_PAYLOAD_MODELS]) {
      for (const always of [true, false]) {
        const own = prototype.getTargetValidationMetadatas.call(storage, model, '', always, false, undefined);
        const remembered = storage.getTargetValidationMetadatas(model, '', always, false, undefined);
        expect(remembered).toEqual(own);
        expect(storage.getTargetValidationMetadatas(model, '', always, false, undefined)).toBe(remembered);
        expect(storage.groupByPropertyName(remembered)).toEqual(prototype.groupByPropertyName.call(storage, own));
      }
    }
  });

  it('sees a rule registered after a class was validated, on it and on a class defined later that extends it', () => {
    class Named {
      @IsString()
      name!: unknown;
    }
    expect(failedChecks(Object.assign(new Named(), { name: 'a long name' }))).toEqual([]);

    MaxLength(4)(Named.prototype, 'name');
    class Counted extends Named {
      @IsInt()
      count!: unknown;
    }

    expect(failedChecks(Object.assign(new Named(), { name: 'a long name' }))).toEqual(['name: maxLength']);
    expect(failedChecks(Object.assign(new Counted(), { name: 'a long name', count: 'x' }))).toEqual(['count: isInt', 'name: maxLength']);
  });
});
