import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { forgetAllForms } from '../actions/kept-form';
import { takeAccessTokenFrom, type Schema } from '../api/client';

/** The console's sign-in settings from the API (`GET /v1/public/console-config`). */
export type ConsoleConfig = Schema<'ConsoleConfigView'>;

/** Where the provider sends the officer back with the authorization code (registered at the provider). */
export const SIGNED_IN_PATH = '/signed-in';

/** The signed-in officer's session, and the two ways out of it. */
export interface Session {
  /** undefined while the stored session is being read; null when nobody is signed in. */
  user: User | null | undefined;
  /** false when the API names no issuer (AUTH_ISSUER unset): nobody can sign in. */
  canSignIn: boolean;
  /** To the provider's sign-in page; back at `returnTo` afterwards. */
  signIn(returnTo?: string): Promise<void>;
  /** Completes the sign-in the provider sent the browser back from; the path to return to. */
  completeSignIn(): Promise<string>;
  /** Ends the session here and at the provider. */
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * OpenID Connect Authorization Code with PKCE (oidc-client-ts) against the issuer the API names, with its public
 * client. The session lives in the tab's sessionStorage (gone when the tab closes); the access token goes with every
 * API call ({@link takeAccessTokenFrom}).
 */
export function SessionProvider({ config, children }: { config: ConsoleConfig; children: ReactNode }) {
  const manager = useMemo(() => (config.issuer ? managerFor(config.issuer, config.clientId) : null), [config]);
  const [user, setUser] = useState<User | null | undefined>(manager ? undefined : null);

  useEffect(() => {
    if (!manager) return;
    const signedIn = (loaded: User): void => setUser(loaded);
    const signedOut = (): void => setUser(null);
    manager.events.addUserLoaded(signedIn);
    manager.events.addUserUnloaded(signedOut);
    manager.events.addAccessTokenExpired(signedOut);
    void manager.getUser().then((stored) => setUser(stored && !stored.expired ? stored : null));
    return () => {
      manager.events.removeUserLoaded(signedIn);
      manager.events.removeUserUnloaded(signedOut);
      manager.events.removeAccessTokenExpired(signedOut);
    };
  }, [manager]);

  // Set while rendering, not in an effect: the pages' queries start in their own effects, which run before ours.
  takeAccessTokenFrom(() => user?.access_token);

  const session = useMemo<Session>(
    () => ({
      user,
      canSignIn: manager !== null,
      signIn: async (returnTo = '/') => manager?.signinRedirect({ state: { returnTo } }),
      completeSignIn: async () => {
        if (!manager) return '/';
        const signedIn = await manager.signinRedirectCallback();
        setUser(signedIn);
        return (signedIn.state as { returnTo?: string } | undefined)?.returnTo ?? '/';
      },
      signOut: async () => {
        forgetAllForms();
        if (!manager) return;
        await manager.signoutRedirect();
      },
    }),
    [manager, user],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

function managerFor(issuer: string, clientId: string): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: issuer,
    client_id: clientId,
    redirect_uri: `${origin}${SIGNED_IN_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile email',
    loadUserInfo: false,
    // Renewed with the refresh token shortly before the access token expires; a session the provider ended expires
    // here too, back to the sign-in page — half-filled forms stay in sessionStorage (actions/kept-form.ts).
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** The session of the surrounding {@link SessionProvider}. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
