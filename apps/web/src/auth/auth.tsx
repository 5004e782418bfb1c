import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { Session, sessionFromAccessToken } from './session';

/** What /app/config.json (served by the API) says about sign-in. */
export interface SignInConfig {
  issuer: string;
  clientId: string;
  audience: string;
}

export const APP_BASE = '/app';

export function createUserManager(config: SignInConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${origin}${APP_BASE}/callback`,
    post_logout_redirect_uri: `${origin}${APP_BASE}/`,
    response_type: 'code',
    scope: 'openid profile api',
    extraQueryParams: { resource: config.audience },
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
}

/**
 * The code in /app/callback is redeemed once per page load, however often the effect runs: a second redemption of
 * the same code is refused (invalid_grant) and makes the provider revoke what the first one got.
 */
let callbackHandled: Promise<User> | undefined;

function completeSignIn(manager: UserManager): Promise<User> {
  callbackHandled ??= manager.signinRedirectCallback().then((user) => {
    const returnTo =
      typeof user.state === 'string' && user.state.startsWith(`${APP_BASE}/`) ? user.state : `${APP_BASE}/`;
    window.history.replaceState(null, '', returnTo);
    window.dispatchEvent(new PopStateEvent('popstate'));
    return user;
  });
  return callbackHandled;
}

interface Auth {
  session: Session | null;
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | undefined>(undefined);

/** Signs in with authorization code + PKCE at the OpenID provider (oidc-client-ts); the session lives in the tab. */
export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      if (window.location.pathname === `${APP_BASE}/callback` || callbackHandled)
        return completeSignIn(manager);
      return manager.getUser();
    })()
      .then((user) => {
        if (cancelled) return;
        setSession(user && !user.expired ? sessionFromAccessToken(user.access_token, user.expires_at) : null);
      })
      .catch((failure: Error) => {
        if (cancelled) return;
        setError(failure.message);
        setSession(null);
      });
    return () => {
      cancelled = true;
    };
  }, [manager]);

  const value = useMemo<Auth>(
    () => ({
      session: session ?? null,
      signIn: (returnTo) =>
        manager.signinRedirect({ state: returnTo ?? window.location.pathname + window.location.search }),
      // Ends the session at the provider too (RP-initiated logout, with the ID token as hint): the next sign-in
      // asks for the password again. The provider sends the browser back to /app/ (post_logout_redirect_uri).
      signOut: async () => {
        const user = await manager.getUser();
        if (!user?.id_token) {
          await manager.removeUser();
          setSession(null);
          window.history.pushState(null, '', `${APP_BASE}/`);
          window.dispatchEvent(new PopStateEvent('popstate'));
          return;
        }
        await manager.signoutRedirect({ id_token_hint: user.id_token });
      },
    }),
    [manager, session],
  );
  if (session === undefined) return null;
  return (
    <AuthContext.Provider value={value}>
      {error ? <SignInError detail={error} /> : null}
      {children}
    </AuthContext.Provider>
  );
}

function SignInError({ detail }: { detail: string }) {
  return (
    <p role="alert" className="alert">
      {detail}
    </p>
  );
}

export function useAuth(): Auth {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth outside AuthProvider');
  return context;
}

/** For tests and embedding: a fixed session without a provider. */
export function StaticAuthProvider({ session, children }: { session: Session | null; children: ReactNode }) {
  const value = useMemo<Auth>(
    () => ({ session, signIn: async () => undefined, signOut: async () => undefined }),
    [session],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
