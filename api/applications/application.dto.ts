import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DISTRICT_CODES } from '../../persistence/reference/chongqing-districts';
import { checkContext } from '../common/validation-texts';
import { SERVICE_FUNCTIONS, type ServiceFunction } from '../../workflows/definitions/policy';
import { presentUnlessNull, TEXT } from './application-bounds';
import { DocumentsDto } from './application-documents.dto';
import { AgencyDto, OperatingOfficeDto, ProjectedRevenueDto } from './application-facts.dto';
import { PARK_KIND_SCHEMA, ParkKindDto, PRIVATE_CAPITAL_SCHEMA, PrivateCapitalDto } from './park-profile.dto';

const R_APP_9 = checkContext({ rule: 'R-APP-9' });

/** The application body of `POST /v1/applications` and of a resubmission (api-contract "Bodies"). */
export class ApplicationDto {
  @ApiProperty({ example: '渝北人力资源服务产业园' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  parkName!: string;

  @ApiProperty({ example: '500112', description: 'GB/T 2260 district code (GET /v1/districts)' })
  @IsString()
  @IsIn([...DISTRICT_CODES], checkContext({ code: 'validation.knownDistrict' }))
  district!: string;

  @ApiProperty({ example: 12000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10_000_000)
  floorAreaSqm!: number;

  @ApiProperty({ enum: SERVICE_FUNCTIONS, isArray: true })
  @IsArray()
  @ArrayMaxSize(SERVICE_FUNCTIONS.length * 2)
  @IsIn(SERVICE_FUNCTIONS, { each: true })
  serviceFunctions!: ServiceFunction[];

  @ApiProperty({ type: [AgencyDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => AgencyDto)
  agencies!: AgencyDto[];

  @ApiProperty({ type: OperatingOfficeDto, nullable: true })
  @presentUnlessNull
  @IsObject()
  @ValidateNested()
  @Type(() => OperatingOfficeDto)
  operatingOffice!: OperatingOfficeDto | null;

  @ApiProperty({ type: ProjectedRevenueDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ProjectedRevenueDto)
  projectedRevenue!: ProjectedRevenueDto;

  @ApiPropertyOptional({
    ...PARK_KIND_SCHEMA,
    nullable: true,
    description: 'R-APP-9: what kind of park it is; absent or null: not stated (never a reason to return)',
  })
  @presentUnlessNull
  @IsObject(R_APP_9)
  @ValidateNested()
  @Type(() => ParkKindDto)
  parkKind?: ParkKindDto | null;

  @ApiPropertyOptional({
    ...PRIVATE_CAPITAL_SCHEMA,
    nullable: true,
    description: 'R-APP-9: how private capital takes part, and the operator; absent or null: not stated',
  })
  @presentUnlessNull
  @IsObject(R_APP_9)
  @ValidateNested()
  @Type(() => PrivateCapitalDto)
  privateCapital?: PrivateCapitalDto | null;

  @ApiProperty({ type: DocumentsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DocumentsDto)
  documents!: DocumentsDto;
}
