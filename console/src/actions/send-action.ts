import { ApiFailure, api, type Schema } from '../api/client';
import type { paths } from '../api/schema';

/** The API's POST paths (actions, the filing, marks). */
export type PostPath = { [P in keyof paths]: paths[P] extends { post: object } ? P : never }[keyof paths];
/** The JSON body a POST path takes. */
export type BodyOf<P extends PostPath> = paths[P]['post'] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** What the API answered: the result now (200/201), or accepted and still running (202, followed by its update id). */
export type Sent<T> = { kind: 'done'; data: T } | { kind: 'pending'; caseId: string; updateId: string };

/**
 * Sends one state-changing request with its `Idempotency-Key`: sending the same key again (a retry after a lost
 * answer) gets the first answer, never a second action. A refusal throws {@link ApiFailure} with the API's details.
 */
export async function sendAction<T>(
  path: PostPath,
  pathParams: Record<string, string>,
  body: unknown,
  idempotencyKey: string,
): Promise<Sent<T>> {
  // openapi-fetch types each path's body; the forms build them from their fields; the API checks them (422 at a field).
  const { data, error, response } = await api.POST(path as '/v1/applications', {
    params: { path: pathParams, header: { 'Idempotency-Key': idempotencyKey } } as never,
    body: body as never,
  });
  if (response.status === 202) {
    const pending = data as unknown as Schema<'ActionPendingView'>;
    return { kind: 'pending', caseId: pending.caseId, updateId: pending.updateId };
  }
  if (response.ok) return { kind: 'done', data: data as T };
  const failure = error as Schema<'ErrorBodySchema'> | undefined;
  throw new ApiFailure(response.status, failure?.message ?? response.statusText, failure);
}

/** How often and how long a 202 is followed before the console says it is still running (the officer can reload). */
export const FOLLOW_EVERY_MS = 1_000;
export const FOLLOW_FOR_MS = 120_000;

/** Where a followed action ended: applied (with the case as it stands now), or still running when the bound passed. */
export type Followed = { status: 'applied'; case: Schema<'CaseView'> | undefined } | { status: 'running' };

/**
 * Follows an action answered 202 (`GET /v1/cases/{caseId}/actions/{updateId}`) until it is applied or refused, or the
 * bound passes (then `running`). A refusal throws its {@link ApiFailure} as if it had been answered at once.
 */
export async function followAction(caseId: string, updateId: string, signal?: AbortSignal): Promise<Followed> {
  const until = Date.now() + FOLLOW_FOR_MS;
  while (Date.now() < until && !signal?.aborted) {
    const { data, error, response } = await api.GET('/v1/cases/{caseId}/actions/{updateId}', {
      params: { path: { caseId, updateId } },
    });
    if (!response.ok) {
      const failure = error as Schema<'ErrorBodySchema'> | undefined;
      throw new ApiFailure(response.status, failure?.message ?? response.statusText, failure);
    }
    if (data?.status === 'applied') return { status: 'applied', case: data.case };
    if (data?.status === 'refused' && data.error) {
      const body = data.error as Schema<'ErrorBodySchema'>;
      throw new ApiFailure(body.error === 'invalid_stage' ? 409 : 422, body.message, body);
    }
    await new Promise((resolve) => setTimeout(resolve, FOLLOW_EVERY_MS));
  }
  return { status: 'running' };
}
