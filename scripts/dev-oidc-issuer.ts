import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider } from 'oidc-provider';
import { translator } from '../i18n/translator';
import { DEFAULT_LOCALE } from '../workflows/definitions/message-ref';
import {
  KEYCLOAK_CLAIMS,
  PARKFLOW_AUDIENCE,
  providerConfiguration,
  signingKey,
  type Officer,
  type PublicClient,
} from './oidc-provider-setup';

/** The development issuer, running: where it is and how the API must be configured to take its tokens. */
export interface DevelopmentIssuer {
  readonly url: string;
  /** AUTH_ISSUER, AUTH_AUDIENCE and the Keycloak-shaped claims (the console client id is the API's default). */
  readonly apiEnv: Record<string, string>;
  close(): Promise<void>;
}

/**
 * `npm run dev`'s OpenID Connect provider, so that development signs in through the same code path as production
 * (Authorization Code with PKCE, Keycloak-shaped access tokens for the API): the console's public client with its
 * redirect URIs, and a sign-in page listing the demo `officers` — one click signs in as one of them (no password,
 * no consent page: development only). Sign-out is confirmed without asking.
 */
export async function startDevelopmentIssuer(options: {
  port: number;
  officers: readonly Officer[];
  client: PublicClient;
}): Promise<DevelopmentIssuer> {
  const url = `http://127.0.0.1:${options.port}`;
  const accounts = new Map(options.officers.map((officer) => [officer.sub, officer]));
  const provider = new Provider(
    url,
    providerConfiguration({
      keys: [await signingKey('RS256')],
      secret: randomBytes(24).toString('hex'),
      officers: [],
      publicClients: [options.client],
      accounts,
      devInteractions: false,
      logoutSource: async (ctx, form) => {
        ctx.body = page(`${form}<script>${CONFIRM_SIGN_OUT}</script>`);
      },
    }),
  );
  const interactions = interactionHandler(provider, accounts, options.officers);
  const server: Server = createServer((request, response) => {
    if (request.url?.startsWith('/interaction/')) void interactions(request, response);
    else void provider.callback()(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    apiEnv: { AUTH_ISSUER: url, AUTH_AUDIENCE: PARKFLOW_AUDIENCE, ...KEYCLOAK_CLAIMS },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // browsers keep theirs open
      }),
  };
}

/** The provider's sign-out form, submitted at once with "yes, sign me out" (its own page would ask). */
const CONFIRM_SIGN_OUT =
  "const f=document.getElementById('op.logoutForm');const i=document.createElement('input');" +
  "i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();";

/**
 * `/interaction/<uid>`: the sign-in page (one button per officer) and its answer; consent is given at once for the
 * console, a first-party client (as Keycloak's realm does for it).
 */
function interactionHandler(provider: Provider, accounts: Map<string, Officer>, officers: readonly Officer[]) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const details = await provider.interactionDetails(request, response);
      if (details.prompt.name === 'consent') {
        const grant = new provider.Grant({
          accountId: details.session?.accountId,
          clientId: details.params.client_id as string,
        });
        const missing = details.prompt.details as {
          missingOIDCScope?: string[];
          missingOIDCClaims?: string[];
          missingResourceScopes?: Record<string, string[]>;
        };
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
          grant.addResourceScope(resource, scopes.join(' '));
        const grantId = await grant.save();
        await provider.interactionFinished(
          request,
          response,
          { consent: { grantId } },
          { mergeWithLastSubmission: true },
        );
        return;
      }
      if (request.method === 'POST') {
        const login = new URLSearchParams(await bodyOf(request)).get('login') ?? '';
        if (accounts.has(login)) {
          await provider.interactionFinished(request, response, { login: { accountId: login } });
          return;
        }
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page(officerList(details.uid, officers)));
    } catch (error) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(String((error as Error).message));
    }
  };
}

const bodyOf = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const say = (code: string): string => escape(translator.translate({ code }, DEFAULT_LOCALE));

/** The development sign-in page: each demo officer a button, with their role and email. */
function officerList(uid: string, officers: readonly Officer[]): string {
  const buttons = officers.map(
    (officer) =>
      `<li><button type="submit" name="login" value="${escape(officer.sub)}">` +
      `<strong>${escape(officer.name ?? officer.sub)}</strong> <span>${say(`common.roles.${officer.role}`)}</span>` +
      `<small>${escape(officer.email ?? officer.sub)}</small></button></li>`,
  );
  return (
    `<h1>${say('console.devSignIn.heading')}</h1><p>${say('console.devSignIn.lead')}</p>` +
    `<form method="post" action="/interaction/${escape(uid)}"><ul>${buttons.join('')}</ul></form>`
  );
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:560px;margin:48px auto;padding:0 16px;color:#1f1f1f}' +
  'ul{list-style:none;padding:0}li{margin:8px 0}button{width:100%;text-align:left;padding:12px 16px;' +
  'border:1px solid #d9d9d9;border-radius:8px;background:#fff;cursor:pointer;font-size:16px}' +
  'button:hover{border-color:#0958d9}span{margin-left:8px;color:#0958d9}small{display:block;color:#595959}';

const page = (body: string): string =>
  `<!doctype html><html lang="${DEFAULT_LOCALE}"><head><meta charset="utf-8">` +
  // An empty icon: the browser asks for no /favicon.ico, so the sign-in leaves no 404 in the console log.
  `<title>${say('console.devSignIn.heading')}</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>` +
  `<body><main>${body}</main></body></html>`;
