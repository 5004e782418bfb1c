import { randomBytes } from 'node:crypto';
/* eslint-disable @typescript-eslint/no-explicit-any -- oidc-provider ships no types; its context objects are Koa's */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_SCOPE, DEFAULT_API_AUDIENCE } from './api-audience';
import { embeddedSigningKey } from './signing-key';
import {
  DEMO_IDENTITIES,
  DEMO_PASSWORD,
  DemoIdentity,
  WEB_APP_POST_LOGOUT_REDIRECT_URIS,
  WEB_APP_REDIRECT_URIS,
  WEB_CLIENT_ID,
  WEB_REDIRECT_URI,
} from './demo-identities';

const ACCESS_TOKEN_TTL_SECONDS = 3600;
/** Long enough to be used once on a loaded machine (one second was not, in CI), short enough for a test to outwait. */
export const EXPIRING_TOKEN_TTL_SECONDS = 3;

export interface EmbeddedIdentityProviderOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  audience?: string;
  /**
   * For the tests of token checks only: a client `expiring-system` whose tokens live three seconds, and tokens for
   * another audience (`OTHER_AUDIENCE`) on request. Both are still issued and signed by this provider.
   */
  testClients?: boolean;
  /** Where the signing key is kept between runs (npm start: `.data/`); without it, a new key per start. */
  signingKeyFile?: string;
}

export const OTHER_AUDIENCE = 'urn:inburgering:another-api';
export const EXPIRING_CLIENT = { id: 'expiring-system', secret: 'expiring-system-secret' } as const;

export interface EmbeddedIdentityProvider {
  /** The issuer URL: what OIDC_ISSUER must be set to. */
  issuer: string;
  audience: string;
  close(): Promise<void>;
}

/**
 * A real, certified OpenID provider (panva's oidc-provider) with the demo users and partner systems, for
 * `npm start` and the tests. People sign in with authorization code + PKCE (a minimal login form checks the demo
 * password); partner systems use client credentials. Access tokens are JWTs for the API's audience, signed with a
 * key generated at the first start (kept in `signingKeyFile` when given), carrying `roles`, `organisation` and, where set, `municipality` and `region`.
 */
export async function startEmbeddedIdentityProvider(
  options: EmbeddedIdentityProviderOptions = {},
): Promise<EmbeddedIdentityProvider> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('the embedded identity provider has demo passwords; configure OIDC_ISSUER instead');
  }
  const host = options.host ?? '127.0.0.1';
  const audience = options.audience ?? DEFAULT_API_AUDIENCE;
  // oidc-provider is ESM-only: Node 20.19+ loads it through require(esm), which this compiles to.
  const { default: Provider } = await import('oidc-provider');
  const signingKey = await embeddedSigningKey(options.signingKeyFile);

  // The issuer needs the port, the port needs a listening server: reserve it first.
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;

  const identities = new Map<string, DemoIdentity>(
    DEMO_IDENTITIES.map((identity) => [identity.id, identity]),
  );
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        // The web app served by the API at /app/: on a loopback host its port is not compared (below), so it
        // works on whatever port the API listens (npm start's PORT, a test's random port).
        redirect_uris: [WEB_REDIRECT_URI, ...WEB_APP_REDIRECT_URIS],
        post_logout_redirect_uris: [...WEB_APP_POST_LOGOUT_REDIRECT_URIS],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        scope: `openid profile ${API_SCOPE}`,
      },
      ...(options.testClients
        ? [
            {
              client_id: EXPIRING_CLIENT.id,
              client_secret: EXPIRING_CLIENT.secret,
              grant_types: ['client_credentials'],
              redirect_uris: [],
              response_types: [],
              scope: API_SCOPE,
            },
          ]
        : []),
      ...DEMO_IDENTITIES.filter((identity) => identity.kind === 'client').map((identity) => ({
        client_id: identity.id,
        client_secret: identity.secret,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        scope: API_SCOPE,
      })),
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    // The browser app calls the token endpoint from its own origin: allowed for the public client's loopback
    // redirect origins, whatever their port.
    clientBasedCORS: (
      _ctx: unknown,
      origin: string,
      client: { clientAuthMethod: string; redirectUris: string[] },
    ) =>
      client.clientAuthMethod === 'none' &&
      client.redirectUris.some((uri) => sameLoopbackHost(new URL(uri), origin)),
    claims: { openid: ['sub'], profile: ['name', 'roles', 'organisation', 'municipality', 'region'] },
    scopes: ['openid', 'profile', API_SCOPE],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // The web app's sign-out ends the session here too; a first-party app asks no confirmation.
      rpInitiatedLogout: { enabled: true, logoutSource: signOutPage, postLogoutSuccessSource: signedOutPage },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string, client: { clientId: string }) => {
          const known = resource === audience || (options.testClients && resource === OTHER_AUDIENCE);
          if (!known) throw new Provider.errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: resource,
            accessTokenTTL:
              client.clientId === EXPIRING_CLIENT.id ? EXPIRING_TOKEN_TTL_SECONDS : ACCESS_TOKEN_TTL_SECONDS,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    findAccount: (_ctx: unknown, id: string) => {
      const identity = identities.get(id);
      if (!identity || identity.kind !== 'user') return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...claimsOf(identity) }) };
    },
    // The demo clients are first-party: no consent screen.
    loadExistingGrant: async (ctx: any) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(`openid profile ${API_SCOPE}`);
      grant.addResourceScope(audience, API_SCOPE);
      await grant.save();
      return grant;
    },
    extraTokenClaims: (_ctx: unknown, token: { accountId?: string; clientId?: string }) => {
      if (token.clientId === EXPIRING_CLIENT.id && !token.accountId) {
        return { roles: ['counsellor'], organisation: 'IN_GENT' };
      }
      const identity = identities.get(token.accountId ?? token.clientId ?? '');
      return identity ? claimsOf(identity) : undefined;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      ClientCredentials: (_ctx: unknown, _token: unknown, client: { clientId: string }) =>
        client.clientId === EXPIRING_CLIENT.id ? EXPIRING_TOKEN_TTL_SECONDS : ACCESS_TOKEN_TTL_SECONDS,
      // Long enough for a browser app to load and redeem it on a busy machine; still single-use.
      AuthorizationCode: 600,
      IdToken: ACCESS_TOKEN_TTL_SECONDS,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    renderError: (ctx: any, out: Record<string, string>) => {
      ctx.type = 'json';
      ctx.body = out;
    },
  });
  allowAnyLoopbackPort(provider);
  provider.use(loginInteraction(provider, identities));
  server.on('request', provider.callback());

  return {
    issuer,
    audience,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * RFC 8252 §7.3's rule for loopback redirect URIs, applied to the public web client: a redirect URI that differs
 * from a registered loopback one only in its port is allowed (oidc-provider applies it to native clients only).
 */
function allowAnyLoopbackPort(provider: any): void {
  allowLoopbackPorts(provider, 'redirectUriAllowed', 'redirectUris');
  allowLoopbackPorts(provider, 'postLogoutRedirectUriAllowed', 'postLogoutRedirectUris');
}

function allowLoopbackPorts(
  provider: any,
  check: 'redirectUriAllowed' | 'postLogoutRedirectUriAllowed',
  list: 'redirectUris' | 'postLogoutRedirectUris',
): void {
  const registered = provider.Client.prototype[check] as (value: string) => boolean;
  provider.Client.prototype[check] = function (
    this: { clientId: string } & Record<typeof list, string[] | undefined>,
    value: string,
  ): boolean {
    if (registered.call(this, value)) return true;
    if (this.clientId !== WEB_CLIENT_ID) return false;
    const candidate = URL.parse(value);
    return (
      candidate !== null &&
      (this[list] ?? []).some((uri) => {
        const allowed = new URL(uri);
        return (
          sameLoopbackHost(allowed, candidate.origin) &&
          allowed.pathname === candidate.pathname &&
          candidate.search === '' &&
          candidate.hash === ''
        );
      })
    );
  };
}

function sameLoopbackHost(redirect: URL, origin: string): boolean {
  const parsed = URL.parse(origin);
  if (!parsed || parsed.protocol !== redirect.protocol || parsed.hostname !== redirect.hostname) return false;
  return ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname) || parsed.port === redirect.port;
}

function claimsOf(identity: DemoIdentity) {
  return {
    roles: identity.roles,
    organisation: identity.organisation,
    name: identity.name,
    ...(identity.municipality === undefined ? {} : { municipality: identity.municipality }),
    ...(identity.region === undefined ? {} : { region: identity.region }),
  };
}

/** GET /interaction/:uid shows a login form; POST /interaction/:uid/login checks the demo user and password. */
function loginInteraction(provider: any, identities: Map<string, DemoIdentity>) {
  return async (ctx: any, next: () => Promise<void>) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(ctx.path);
    if (!match) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === 'GET') {
      ctx.type = 'html';
      ctx.body = loginPage(details.uid);
      return;
    }
    if (ctx.method !== 'POST' || !match[2]) return next();
    const form = new URLSearchParams(await readBody(ctx.req));
    const login = form.get('login') ?? '';
    const identity = identities.get(login);
    if (!identity || identity.kind !== 'user' || form.get('password') !== DEMO_PASSWORD) {
      ctx.status = 401;
      ctx.type = 'html';
      ctx.body = loginPage(details.uid, 'Unknown user or wrong password');
      return;
    }
    const redirectTo = await provider.interactionResult(
      ctx.req,
      ctx.res,
      { login: { accountId: identity.id } },
      { mergeWithLastSubmission: false },
    );
    ctx.status = 303;
    ctx.redirect(redirectTo);
  };
}

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Aanmelden (demo)</title></head><body>
<h1>Aanmelden (demo)</h1>${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label>Gebruiker <input name="login" autocomplete="username"></label>
<label>Wachtwoord <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Aanmelden</button></form></body></html>`;
}

/** The provider's sign-out page: its form (with the xsrf token) confirmed at once, a button where scripts do not run. */
async function signOutPage(ctx: any, form: string): Promise<void> {
  const confirmed = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  ctx.body = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Afmelden (demo)</title></head><body>
<h1>Afmelden (demo)</h1>${confirmed}<button type="submit" form="op.logoutForm">Afmelden</button>
<script>document.getElementById('op.logoutForm').submit()</script></body></html>`;
}

/** Shown when a sign-out names no registered page to return to. */
async function signedOutPage(ctx: any): Promise<void> {
  ctx.body = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Afgemeld (demo)</title></head>
<body><h1>U bent afgemeld.</h1></body></html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error('login form too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
