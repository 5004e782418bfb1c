import { createHash, randomBytes } from 'node:crypto';
import {
  DEMO_PASSWORD,
  demoIdentity,
  DemoIdentity,
  WEB_CLIENT_ID,
  WEB_REDIRECT_URI,
} from './demo-identities';
import { API_SCOPE, DEFAULT_API_AUDIENCE } from './api-audience';

/**
 * Gets an access token for a demo identity from an OpenID provider the way a real client does: client credentials
 * for a partner system; for a person, authorization code + PKCE through the provider's own login form (no
 * shortcut: the provider signs every token the tests and the token command use).
 */
export async function demoAccessToken(
  issuer: string,
  identityId: string,
  audience: string = DEFAULT_API_AUDIENCE,
): Promise<string> {
  const identity = demoIdentity(identityId);
  const discovery = (await json(
    await fetch(new URL('.well-known/openid-configuration', withSlash(issuer))),
  )) as {
    token_endpoint: string;
    authorization_endpoint: string;
  };
  return identity.kind === 'client'
    ? clientCredentials(discovery.token_endpoint, identity, audience)
    : authorizationCode(discovery, identity, audience);
}

/** A client-credentials token for any client of the provider (the test-only ones too). */
export async function clientCredentialsToken(
  issuer: string,
  client: { id: string; secret: string },
  audience: string = DEFAULT_API_AUDIENCE,
): Promise<string> {
  const discovery = (await json(
    await fetch(new URL('.well-known/openid-configuration', withSlash(issuer))),
  )) as { token_endpoint: string };
  return clientCredentials(discovery.token_endpoint, client, audience);
}

async function clientCredentials(
  tokenEndpoint: string,
  identity: { id: string; secret: string },
  audience: string,
): Promise<string> {
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${identity.id}:${identity.secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: API_SCOPE, resource: audience }),
  });
  return ((await json(response)) as { access_token: string }).access_token;
}

async function authorizationCode(
  endpoints: { token_endpoint: string; authorization_endpoint: string },
  identity: DemoIdentity,
  audience: string,
): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = new URL(endpoints.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: WEB_CLIENT_ID,
    response_type: 'code',
    redirect_uri: WEB_REDIRECT_URI,
    scope: `openid profile ${API_SCOPE}`,
    resource: audience,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
  }).toString();

  const browser = new CookieBrowser();
  let location = await browser.go(authorize.toString());
  for (let step = 0; step < 10; step += 1) {
    if (location.startsWith(WEB_REDIRECT_URI)) break;
    const url = new URL(location, authorize);
    if (/\/interaction\/[\w-]+$/.test(url.pathname)) {
      location = await browser.go(`${url.toString()}/login`, {
        login: identity.id,
        password: DEMO_PASSWORD,
      });
    } else {
      location = await browser.go(url.toString());
    }
  }
  const callback = new URL(location);
  const code = callback.searchParams.get('code');
  if (!code) {
    throw new Error(
      `sign-in of ${identity.id} did not end with a code: ${callback.searchParams.get('error')}`,
    );
  }
  const response = await fetch(endpoints.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: WEB_CLIENT_ID,
      code,
      code_verifier: verifier,
      redirect_uri: WEB_REDIRECT_URI,
      resource: audience,
    }),
  });
  return ((await json(response)) as { access_token: string }).access_token;
}

/** Follows one redirect at a time, keeping the provider's cookies like a browser would. */
class CookieBrowser {
  private readonly cookies = new Map<string, string>();

  async go(url: string, form?: Record<string, string>): Promise<string> {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form) } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const separator = pair.indexOf('=');
      this.cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`sign-in stopped at ${new URL(url).pathname} with HTTP ${response.status}`);
    }
    return new URL(location, url).toString();
  }
}

async function json(response: Response): Promise<unknown> {
  const body = await response.text();
  if (!response.ok)
    throw new Error(`${response.url} answered HTTP ${response.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body);
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
