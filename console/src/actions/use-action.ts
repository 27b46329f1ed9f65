import { useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { ApiFailure, type Schema } from '../api/client';
import { showAtFields } from './field-errors';
import { followAction, sendAction, type PostPath } from './send-action';

/** Where an action stands in the console: sent and waiting, 处理中 (202, followed), applied, or refused. */
export type ActionState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'processing'; updateId: string }
  | { status: 'applied' }
  | { status: 'running'; updateId: string }
  | { status: 'refused'; messages: string[] };

/**
 * What an applied action gives `onApplied`: the answer of a 200/201, or — after a 202 — the case as it stands now
 * (it carries `caseId`, `stage`, `deficiencies` and `flags`, as a filing's answer does).
 */
export type AppliedAnswer<T> = T | Schema<'CaseView'> | undefined;

/**
 * Sends an officer action from a form and follows it to its outcome: a 202 shows 处理中 and is followed to applied
 * or refused; a refusal's details go to the fields they name (409/422, in the officer's language). The same
 * Idempotency-Key is reused until the API gives a definite answer, so resending after a lost answer never acts twice.
 * On success the case, the lists and the inbox are read again.
 */
export function useAction<T = unknown>(
  path: PostPath,
  form?: FormInstance,
  onApplied?: (answer: AppliedAnswer<T>) => void,
) {
  const queries = useQueryClient();
  const [state, setState] = useState<ActionState>({ status: 'idle' });
  const key = useRef<string | undefined>(undefined);

  async function submit(pathParams: Record<string, string>, body: unknown): Promise<void> {
    key.current ??= crypto.randomUUID();
    setState({ status: 'sending' });
    try {
      const sent = await sendAction<T>(path, pathParams, body, key.current);
      let answer: AppliedAnswer<T>;
      if (sent.kind === 'pending') {
        setState({ status: 'processing', updateId: sent.updateId });
        const followed = await followAction(sent.caseId, sent.updateId);
        if (followed.status === 'running') {
          setState({ status: 'running', updateId: sent.updateId });
          return;
        }
        answer = followed.case;
      } else {
        answer = sent.data;
      }
      key.current = undefined;
      setState({ status: 'applied' });
      await queries.invalidateQueries();
      onApplied?.(answer);
    } catch (error) {
      if (!(error instanceof ApiFailure)) {
        // The answer was lost (network): the key is kept, so sending again is safe.
        setState({ status: 'refused', messages: [(error as Error).message] });
        return;
      }
      if (error.status < 500) key.current = undefined; // a definite refusal: a corrected form is a new request
      setState({ status: 'refused', messages: showAtFields(form, error) });
    }
  }

  return { state, submit, busy: state.status === 'sending' || state.status === 'processing' };
}
