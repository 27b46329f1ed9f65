import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the endpoint answers one request with. */
export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** A token answer as Keycloak gives it. */
export const issued = (accessToken: string, expiresIn: number): TokenAnswer => ({
  status: 200,
  body: { access_token: accessToken, expires_in: expiresIn, token_type: 'Bearer' },
});

/** A local OAuth2 token endpoint (node:http) standing in for Keycloak's. */
export interface TokenEndpoint {
  url: string;
  /** Each request's form and content type, in order. */
  requests: { form: URLSearchParams; contentType: string | undefined }[];
  close(): Promise<void>;
}

const bodyOf = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let text = '';
    request
      .on('data', (chunk) => (text += chunk))
      .on('end', () => resolve(text))
      .on('error', reject);
  });

/** Starts an endpoint on a free loopback port; `answer` decides each reply from the form and the request's index. */
export async function startTokenEndpoint(
  answer: (form: URLSearchParams, index: number) => TokenAnswer,
): Promise<TokenEndpoint> {
  const requests: TokenEndpoint['requests'] = [];
  const server = createServer((request, response) => {
    void bodyOf(request).then((text) => {
      const form = new URLSearchParams(text);
      const index = requests.push({ form, contentType: request.headers['content-type'] }) - 1;
      const { status, body } = answer(form, index);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/parkflow/protocol/openid-connect/token`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
