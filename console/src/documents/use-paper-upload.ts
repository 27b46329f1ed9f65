import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, type Schema } from '../api/client';
import { followAction } from '../actions/send-action';
import { MAX_PAPER_BYTES, MAX_PAPER_MEGABYTES } from './paper-rules';
import { sendPaper, UploadLost, type PaperFields } from './send-paper';

/** Where an upload stands: sending (with the share sent), recorded, still being recorded, or not uploaded and why. */
export type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; fileName: string; percent: number }
  | { status: 'processing'; fileName: string }
  | { status: 'done'; fileName: string }
  | { status: 'running'; fileName: string; updateId: string }
  | { status: 'refused'; fileName: string; summary: string; details: string[] };

/** A file told apart from another by what the browser knows of it: a retry of the same file reuses its key. */
const fileIdentity = (file: File): string => [file.name, file.size, file.lastModified].join('\n');

/**
 * A refusal's detail as the officer reads it: the field it names (when its message does not start with it already, as
 * the API's form checks do) and the rule (when the message does not cite it already).
 */
function detailText(detail: Schema<'ErrorDetailSchema'>, t: TFunction): string {
  const { field, rule, message } = detail;
  const named =
    field && !message.startsWith(field) ? t('console.documents.upload.atField', { field, message }) : message;
  return rule && !message.includes(rule) ? t('console.documents.upload.withRule', { text: named, rule }) : named;
}

/**
 * Uploads papers to a case one at a time: the 20 MB limit checked before anything is sent (R-DOC-1), the share sent
 * shown as it goes, a 202 followed to its outcome as any action's is, and a refusal's details (413, 415, 422) shown
 * with the fields they name. The same Idempotency-Key is reused for the same file after a lost answer, so uploading
 * it again never records it twice. Once recorded, the case and its papers are read again.
 */
export function usePaperUpload(caseId: string) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const lost = useRef<{ file: string; key: string } | undefined>(undefined);

  /** Whether `file` may be sent: false (and why, shown) when it is above the limit. */
  function admits(file: File): boolean {
    if (file.size <= MAX_PAPER_BYTES) return true;
    const sizeMegabytes = Math.round((file.size / 2 ** 20) * 10) / 10;
    const summary = t('console.documents.upload.tooLarge', {
      fileName: file.name,
      sizeMegabytes,
      maxMegabytes: MAX_PAPER_MEGABYTES,
    });
    setState({ status: 'refused', fileName: file.name, summary, details: [] });
    return false;
  }

  async function upload(file: File, fields: PaperFields): Promise<void> {
    const fileName = file.name;
    const identity = fileIdentity(file);
    const key = lost.current?.file === identity ? lost.current.key : crypto.randomUUID();
    lost.current = undefined;
    setState({ status: 'uploading', fileName, percent: 0 });
    try {
      const sent = await sendPaper(caseId, file, fields, key, (percent) =>
        setState({ status: 'uploading', fileName, percent }),
      );
      if (sent.kind === 'pending') {
        setState({ status: 'processing', fileName });
        const followed = await followAction(sent.caseId, sent.updateId);
        if (followed.status === 'running') {
          setState({ status: 'running', fileName, updateId: sent.updateId });
          return;
        }
      }
      setState({ status: 'done', fileName });
      await queries.invalidateQueries({ queryKey: ['case', caseId] });
    } catch (error) {
      if (error instanceof ApiFailure) {
        const summary = t('console.documents.upload.refused', { fileName, message: error.message });
        const details = (error.body?.details ?? []).map((detail) => detailText(detail, t));
        setState({ status: 'refused', fileName, summary, details });
        return;
      }
      if (error instanceof UploadLost) lost.current = { file: identity, key };
      setState({ status: 'refused', fileName, summary: t('console.documents.upload.lost', { fileName }), details: [] });
    }
  }

  const busy = state.status === 'uploading' || state.status === 'processing';
  return { state, admits, upload, busy };
}
