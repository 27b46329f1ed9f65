import { useQuery } from '@tanstack/react-query';
import { answerOf, api, type Schema } from './client';

/** A paper of a case as the API lists it (R-DOC-1): what it is, its fingerprint, who uploaded it, its versions. */
export type CaseDocument = Schema<'DocumentView'>;

/** The query key of a case's papers: under the case's own, so reading the case again reads them again too. */
export const caseDocumentsKey = (caseId: string) => ['case', caseId, 'documents'];

/** A case's papers, every version, in the order uploaded (`GET /v1/cases/{caseId}/documents`; no translated text). */
export const useCaseDocuments = (caseId: string) =>
  useQuery({
    queryKey: caseDocumentsKey(caseId),
    queryFn: async (): Promise<CaseDocument[]> =>
      (await answerOf(api.GET('/v1/cases/{caseId}/documents', { params: { path: { caseId } } }))).items,
  });

/**
 * One paper with a download link signed for the caller (`GET /v1/documents/{documentId}`): asked for when the officer
 * opens or downloads it, because the link lasts only 5 minutes. It needs no bearer token, so a frame or a link can
 * open it.
 */
export const documentLink = (documentId: string): Promise<Schema<'DocumentDetailView'>> =>
  answerOf(api.GET('/v1/documents/{documentId}', { params: { path: { documentId } } }));
