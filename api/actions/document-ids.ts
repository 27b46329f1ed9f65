import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import { rule } from './action-bounds';

/** At most this many papers named by one action: a bound on the body, not a policy rule. */
export const MAX_DOCUMENT_IDS = 50;

/**
 * `documentIds` (api-contract, R-DOC-1): the papers on the case an action rests on — a yearly report's statements, an
 * evaluation's rectification report, a refund's bank slip — each a document id, once. Whether each is a paper of this
 * case the workflow checks (422 naming `documentIds`).
 */
export const DocumentIds = (described: string) =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      maxItems: MAX_DOCUMENT_IDS,
      uniqueItems: true,
      description: `${described} (R-DOC-1): ids of documents uploaded to this case (POST …/documents)`,
    }),
    IsOptional(),
    IsArray(rule('R-DOC-1')),
    ArrayMaxSize(MAX_DOCUMENT_IDS, rule('R-DOC-1')),
    ArrayUnique(rule('R-DOC-1')),
    IsUUID('all', { each: true, ...rule('R-DOC-1') }),
  );
