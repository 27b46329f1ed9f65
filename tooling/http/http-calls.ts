import { signDevelopmentToken } from '../../api/auth/development-token';
import type { OfficerRole } from '../../workflows/definitions/case';

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  /** A `multipart/form-data` body (an upload); fetch writes its content type with the boundary. */
  form?: FormData;
  headers?: Record<string, string>;
}

export interface JsonAnswer {
  status: number;
  body: any;
  headers: Headers;
}

/** What drives a stack over HTTP as officers would: calls and development tokens. */
export interface HttpStack {
  token(role: OfficerRole, district?: string, sub?: string): string;
  /** `fetch` against the API with JSON in and out (or a form in, bytes out). */
  call(method: string, path: string, options?: CallOptions): Promise<JsonAnswer>;
}

/** {@link HttpStack} for an API at `baseUrl` that takes HS256 tokens signed with `secret` (as `npm run dev`). */
export function httpStack(baseUrl: string, secret: string): HttpStack {
  return {
    token: (role, district, sub = `${role}-officer`) => signDevelopmentToken({ sub, role, district }, secret),
    async call(method, path, { token, body, rawBody, form, headers } = {}) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(form ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: form ?? rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      // JSON as the API answers it; anything else (a downloaded paper) as its bytes.
      const bytes = Buffer.from(await response.arrayBuffer());
      const json = /json/.test(response.headers.get('content-type') ?? '');
      const answer = bytes.length === 0 ? undefined : json ? JSON.parse(bytes.toString('utf8')) : bytes;
      return { status: response.status, body: answer, headers: response.headers };
    },
  };
}
