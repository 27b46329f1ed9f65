import { ParseUUIDPipe } from '@nestjs/common';
import { nested, notFound } from '../common/api-error';

/** `:caseId` path parameters: a malformed id is simply a case that does not exist (404). */
export const CaseIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound(nested('errors.things.someCase')) });
