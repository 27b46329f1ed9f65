import createClient, { type Middleware } from 'openapi-fetch';
import { currentLocale } from '../i18n';
import type { components, paths } from './schema';

/** The API's schemas by name (`Schema<'CaseView'>`), from the generated document types. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** An answer other than 2xx: its status and the API's message, already in the reader's language. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: Schema<'ErrorBodySchema'>,
  ) {
    super(message);
  }
}

let accessToken: () => string | undefined = () => undefined;

/** Where the client takes the signed-in officer's access token from (the session sets it). */
export function takeAccessTokenFrom(source: () => string | undefined): void {
  accessToken = source;
}

/**
 * The headers every request carries: the officer's token, and the console's language so that the API's texts come
 * back in it. Also for the requests the typed client cannot make (an upload that reports its progress).
 */
export function requestHeaders(): Record<string, string> {
  const token = accessToken();
  return { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Accept-Language': currentLocale() };
}

const signedIn: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(requestHeaders())) request.headers.set(name, value);
    return request;
  },
};

/** The typed client of the API on the console's own origin (the API serves the console). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(signedIn);

/** The data of a 2xx answer; otherwise an {@link ApiFailure} (for TanStack Query to show). */
export async function answerOf<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) return data;
  const body = error as Schema<'ErrorBodySchema'> | undefined;
  throw new ApiFailure(response.status, body?.message ?? response.statusText, body);
}
