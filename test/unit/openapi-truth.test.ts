import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { fieldsWithNul } from '../../api/common/nul-characters';
import { parseQuery } from '../../api/common/query-parser';
import { constrainComponentSchemas, type Schema } from '../../api/common/validator-constraints';

/**
 * issue 10 item 6: the OpenAPI document tells the truth about what the API accepts — the bounds its validators
 * check, empty query parameters as absent, NUL characters refused (schemathesis runs this end to end in
 * test/e2e/api-fuzzing.test.ts).
 */
class SampleDto {
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @IsInt() @Min(1) @Max(3_000_000) amount!: number;
  @IsOptional() @IsUUID() caseId?: string;
  @IsString({ each: true }) @Matches(/^[a-z]+$/, { each: true }) tags!: string[];
}

describe('validator bounds in the document', () => {
  it(
    '@IsNotEmpty/@MaxLength/@IsInt/@Min/@Max/@IsUUID/@Matches(each) become ' +
      'minLength/maxLength/integer/minimum/maximum/format/items.pattern',
    () => {
      const schemas: Record<string, Schema> = {
        SampleDto: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            amount: { type: 'number', maximum: 5_000_000 },
            caseId: { type: 'string' },
            tags: { type: 'array', items: { type: 'string' } },
          },
        },
      };
      constrainComponentSchemas(schemas, [SampleDto]);
      expect(schemas.SampleDto.properties).toEqual({
        name: { type: 'string', minLength: 1, maxLength: 100 },
        amount: { type: 'integer', minimum: 1, maximum: 3_000_000 },
        caseId: { type: 'string', format: 'uuid' },
        tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } },
      });
    },
  );

  it('never loosens a bound the document already states', () => {
    const schemas: Record<string, Schema> = {
      SampleDto: {
        type: 'object',
        properties: { name: { type: 'string', maxLength: 10 }, amount: { type: 'number', minimum: 5 } },
      },
    };
    constrainComponentSchemas(schemas, [SampleDto]);
    expect(schemas.SampleDto.properties).toMatchObject({ name: { maxLength: 10 }, amount: { minimum: 5 } });
  });
});

describe('query parser', () => {
  it('reads an empty parameter as absent and repeats as an array', () => {
    expect(parseQuery('cursor=&limit=5&kind=a&kind=b&district=')).toEqual({ limit: '5', kind: ['a', 'b'] });
    expect(parseQuery('kind=&kind=a')).toEqual({ kind: 'a' });
    expect(parseQuery('')).toEqual({});
  });
});

describe('NUL characters', () => {
  it('names every field, nested or a key, that holds U+0000', () => {
    expect(fieldsWithNul({ contacts: [{ name: 'ok' }, { name: 'a\u0000b' }], ['k\u0000']: 1, n: 3 })).toEqual([
      'contacts.1.name',
      'k\\u0000',
    ]);
    expect(fieldsWithNul('x\u0000', 'code')).toEqual(['code']);
    expect(fieldsWithNul({ a: ['fine', 2, null] })).toEqual([]);
  });
});
