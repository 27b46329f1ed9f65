import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FILING_STAGES, type FilingStage } from '../../workflows/definitions/case';
import type { LocalizedText } from '../i18n/localized-text';

/** One broken policy rule: a deficiency (R-APP-1..3, 6..8) or a flag (R-APP-4/5). */
export class DeficiencyView {
  @ApiProperty({ example: 'R-APP-3' })
  rule!: string;
  @ApiProperty({
    type: String,
    description: "in the reader's language (Accept-Language)",
    example: '入驻人力资源服务机构14家（重复的不计），至少应有15家',
  })
  message!: LocalizedText | string;
  @ApiPropertyOptional({ example: 'agencies', description: 'the application field concerned, when one is' })
  field?: string;
}

/** The answer to a filing (api-contract: 201 `{ caseId, stage, deficiencies, flags }`). */
export class SubmissionOutcomeView {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;
  @ApiProperty({ enum: FILING_STAGES })
  stage!: FilingStage;
  @ApiProperty({
    type: () => [DeficiencyView],
    description: 'every broken rule among R-APP-1..3 and 6..8: the reasons the case is returned; empty when submitted',
    example: [
      {
        rule: 'R-APP-8',
        field: 'documents.supportMeasures',
        message: '未列明区县已制定出台的促进园区建设发展的政策措施文件',
      },
    ],
  })
  deficiencies!: DeficiencyView[];
  @ApiProperty({
    type: () => [DeficiencyView],
    description: 'R-APP-4/5 (*in principle*) shortfalls, on a returned case too: never a reason to return; waivable',
    example: [
      {
        rule: 'R-APP-4',
        field: 'floorAreaSqm',
        message: '园区面积7,000平方米，原则上应不低于8,000平方米：受理须说明豁免理由',
      },
    ],
  })
  flags!: DeficiencyView[];
}
