import { Module } from '@nestjs/common';
import { CaseDocumentsRepository } from '../../persistence/repositories/case-documents.repository';
import { CaseHistoryRepository } from '../../persistence/repositories/case-history.repository';
import { CaseActionsModule } from '../actions/case-actions.module';
import { CasesModule } from '../cases/cases.module';
import { repositoryProvider } from '../common/repository-provider';
import { CaseDocumentsController } from './case-documents.controller';
import { DocumentReadsService } from './document-reads.service';
import { DocumentUploadService } from './document-upload.service';
import { DocumentsController } from './documents.controller';

/**
 * A case's papers (issue 25, R-DOC-1): uploads recorded through the case's workflow, reads scoped as the case,
 * downloads by signed link; the bytes are in the object store (`object-store.module.ts`).
 */
@Module({
  imports: [CasesModule, CaseActionsModule],
  controllers: [CaseDocumentsController, DocumentsController],
  providers: [
    DocumentUploadService,
    DocumentReadsService,
    repositoryProvider(CaseDocumentsRepository),
    repositoryProvider(CaseHistoryRepository),
  ],
})
export class DocumentsModule {}
