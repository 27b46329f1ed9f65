import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject, type SwaggerCustomOptions } from '@nestjs/swagger';
import type { AuthSettings } from '../config/auth-settings';
import { OPENAPI_METHODS } from './openapi-document';
import { allowDocsToConnect, DOCS_PATH, OAUTH2_REDIRECT_PATH } from './security-headers';

/** The security scheme through which Swagger UI signs officers in at the OpenID Connect provider. */
export const OIDC_SCHEME = 'oidc';
/** The scopes Swagger UI asks for: the officer's id, name and email (the officer directory records them). */
export const OIDC_SCOPES = ['openid', 'profile', 'email'];

/**
 * The document with sign-in through `issuer` (`AUTH_ISSUER`): an `openIdConnect` scheme whose discovery document
 * Swagger UI reads in the browser (its authorization and token endpoints; nothing is fetched by the API), offered on
 * every secured operation beside the bearer scheme (a development token, or a token got elsewhere). A copy.
 */
export function withOidcSignIn(document: OpenAPIObject, issuer: string): OpenAPIObject {
  const signedIn = structuredClone(document);
  const components = (signedIn.components ??= {});
  components.securitySchemes = {
    ...components.securitySchemes,
    [OIDC_SCHEME]: {
      type: 'openIdConnect',
      openIdConnectUrl: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
      description:
        "Sign in at the bureau's OpenID Connect provider (Authorization Code with PKCE, the public client of " +
        'AUTH_CONSOLE_CLIENT_ID); the access token is sent as a bearer token.',
    },
  };
  for (const item of Object.values(signedIn.paths)) {
    for (const method of OPENAPI_METHODS) {
      const operation = item[method];
      if (!operation?.security?.length) continue;
      if (!operation.security.some((requirement) => OIDC_SCHEME in requirement))
        operation.security.push({ [OIDC_SCHEME]: [] });
    }
  }
  return signedIn;
}

/**
 * Where Swagger UI's OAuth2 pop-up returns (swagger-ui-dist's `oauth2-redirect.html`, served under `/docs`), computed
 * in the browser from the page's own origin, so the same document works on every address the API is reached at (the
 * cluster's front door, an instance, a reverse proxy): @nestjs/swagger writes a function option's source text into
 * `swagger-ui-init.js`, and this one's is the expression.
 */
const OAUTH2_REDIRECT_URL = Object.assign(() => undefined, {
  toString: () => `window.location.origin + ${JSON.stringify(OAUTH2_REDIRECT_PATH)}`,
});

/** Swagger UI's options for signing in with the provider's public client (Authorization Code with PKCE). */
export function swaggerSignInOptions(clientId: string): NonNullable<SwaggerCustomOptions['swaggerOptions']> {
  return {
    initOAuth: { clientId, usePkceWithAuthorizationCodeGrant: true, scopes: OIDC_SCOPES },
    oauth2RedirectUrl: OAUTH2_REDIRECT_URL,
  };
}

/**
 * Serves the document at `/docs-json` and Swagger UI at `/docs`; with `AUTH_ISSUER`, Swagger UI's Authorize button
 * signs officers in at the provider (Authorization Code with PKCE, `AUTH_CONSOLE_CLIENT_ID`) and the docs pages'
 * Content-Security-Policy lets them reach the issuer (its discovery document and token endpoint).
 */
export function serveDocs(app: NestExpressApplication, document: OpenAPIObject, config: AuthSettings): void {
  const issuer = config.AUTH_ISSUER;
  if (issuer) allowDocsToConnect(app, [new URL(issuer).origin]);
  SwaggerModule.setup(DOCS_PATH.slice(1), app, issuer ? withOidcSignIn(document, issuer) : document, {
    jsonDocumentUrl: 'docs-json',
    ...(issuer ? { swaggerOptions: swaggerSignInOptions(config.AUTH_CONSOLE_CLIENT_ID) } : {}),
  });
}
