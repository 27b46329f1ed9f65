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
  /** `fetch` against the API with JSON in and out. */
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
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
  };
}
