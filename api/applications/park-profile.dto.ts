import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength, registerDecorator } from 'class-validator';
import type { MessageCode } from '../../i18n/catalogue';
import {
  PARK_KINDS,
  PRIVATE_CAPITAL_FORMS,
  type ParkKindCode,
  type PrivateCapitalForm,
} from '../../workflows/definitions/application';
import { checkContext } from '../common/validation-texts';
import { TEXT } from './application-bounds';

const R_APP_9 = checkContext({ rule: 'R-APP-9' });

/**
 * A text that goes with one choice of its object only (R-APP-9): required — a non-blank string of at most
 * {@link TEXT} characters — when `applies(object)`, and absent otherwise; else 422 in the words of `code`.
 */
function TextOnlyWhen(applies: (object: object) => boolean, code: MessageCode): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'textOnlyWhen',
      target: target.constructor,
      propertyName: propertyName as string,
      options: checkContext({ rule: 'R-APP-9', code, params: { max: TEXT } }),
      validator: {
        validate: (value: unknown, args) =>
          applies(args!.object)
            ? typeof value === 'string' && value.trim() !== '' && value.length <= TEXT
            : value === undefined,
      },
    });
}

/** R-APP-9 (§1 区域性、专业性): what kind of park it is. */
export class ParkKindDto {
  @ApiProperty({ enum: PARK_KINDS, description: 'regional (区域性, serving an area) or specialised (专业性)' })
  @IsIn(PARK_KINDS, R_APP_9)
  kind!: ParkKindCode;
  @ApiPropertyOptional({
    description: 'required with specialised, and only with it: the industry or service line the park serves',
    example: '数字经济人力资源服务',
    maxLength: TEXT,
  })
  @TextOnlyWhen((dto) => (dto as ParkKindDto).kind === 'specialised', 'validation.specialism')
  specialism?: string;
}

/** R-APP-9 (§2(二)): how private capital takes part in the park, and who operates it. */
export class PrivateCapitalDto {
  @ApiProperty({
    enum: PRIVATE_CAPITAL_FORMS,
    description: 'sole (独资), joint_venture (合资), equity_stake (参股), alliance (联营), other (等方式), none (无)',
  })
  @IsIn(PRIVATE_CAPITAL_FORMS, R_APP_9)
  form!: PrivateCapitalForm;
  @ApiProperty({ description: 'the operator’s name', example: '重庆某某产业园运营管理有限公司', maxLength: TEXT })
  @IsString(R_APP_9)
  @IsNotEmpty(R_APP_9)
  @MaxLength(TEXT, R_APP_9)
  operator!: string;
  @ApiPropertyOptional({
    description: 'required with other, and only with it: how private capital takes part',
    example: '委托民营企业运营管理',
    maxLength: TEXT,
  })
  @TextOnlyWhen((dto) => (dto as PrivateCapitalDto).form === 'other', 'validation.capitalDescription')
  description?: string;
}

/** A text R-APP-9 requires: at least one character that is not a space, as `TextOnlyWhen` checks. */
const REQUIRED_TEXT = { type: 'string', pattern: '\\S', maxLength: TEXT };
const variant = (properties: Record<string, object>, required: string[]) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

/**
 * The OpenAPI schemas of the two objects, one variant per choice: the document says which text goes with which
 * choice (`specialism` with `specialised` only, `description` with `other` only), so a client or a fuzzer built
 * from it sends what the API accepts.
 */
export const PARK_KIND_SCHEMA = {
  oneOf: PARK_KINDS.map((kind) =>
    kind === 'specialised'
      ? variant({ kind: { type: 'string', enum: [kind] }, specialism: REQUIRED_TEXT }, ['kind', 'specialism'])
      : variant({ kind: { type: 'string', enum: [kind] } }, ['kind']),
  ),
};
const OPERATOR = { type: 'string', minLength: 1, maxLength: TEXT };
export const PRIVATE_CAPITAL_SCHEMA = {
  oneOf: [
    variant(
      {
        form: { type: 'string', enum: PRIVATE_CAPITAL_FORMS.filter((f) => f === 'other') },
        operator: OPERATOR,
        description: REQUIRED_TEXT,
      },
      ['form', 'operator', 'description'],
    ),
    variant(
      { form: { type: 'string', enum: PRIVATE_CAPITAL_FORMS.filter((f) => f !== 'other') }, operator: OPERATOR },
      ['form', 'operator'],
    ),
  ],
};
