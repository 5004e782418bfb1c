import { Injectable, UnauthorizedException } from '@nestjs/common';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify } from 'jose';
import { ApiConfig } from '../config/api-config.service';
import { ROLES, isRole } from '../access/access-policy';
import type { Principal } from '../access/principal';

/** What a token without a usable role or organisation gets: it is valid, but grants nothing here. */
export class NoRoleError extends Error {}

/** Verified tokens kept (the same token on every request of a session: one signature check, not one a request). */
const VERIFIED_TOKENS_KEPT = 10_000;
/** A verified token is checked against the key set again after this long, even when it expires later. */
const VERIFIED_TOKEN_TTL_MS = 5 * 60_000;

interface VerifiedToken {
  principal: Principal;
  /** The token's `exp` in ms: past it the token is verified again (and refused as expired). */
  expiresAt: number;
  /** When the entry goes: the earlier of `expiresAt` and VERIFIED_TOKEN_TTL_MS after its verification. */
  keptUntil: number;
}

/**
 * Verifies an OAuth 2 bearer JWT from the configured issuer against the issuer's JWKS (found through its OpenID
 * discovery document, fetched on first use and cached by jose, which refetches on an unknown key id) and turns its
 * claims into the caller. Which issuer it is does not matter: the embedded provider and Keycloak give the same
 * claims (`roles`, `organisation`, optional `municipality` and `region`).
 */
@Injectable()
export class TokenVerifier {
  private jwks?: Promise<ReturnType<typeof createRemoteJWKSet>>;
  /** Tokens whose signature and claims were verified, until they expire (at most VERIFIED_TOKEN_TTL_MS). */
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(private readonly config: ApiConfig) {}

  /**
   * The caller of a token. A token verified before answers from memory until it expires (jose's rule: expired
   * from the second of its `exp` on) or for VERIFIED_TOKEN_TTL_MS; then it is verified again in full.
   */
  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) {
      const now = Date.now();
      if (now < known.keptUntil && Math.floor(now / 1000) < known.expiresAt / 1000) return known.principal;
      this.verified.delete(token);
    }
    const { principal, expiresAt } = await this.verifyInFull(token);
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) {
      // The oldest entry goes first (a Map keeps insertion order).
      this.verified.delete(this.verified.keys().next().value as string);
    }
    this.verified.set(token, {
      principal,
      expiresAt,
      keptUntil: Math.min(expiresAt, Date.now() + VERIFIED_TOKEN_TTL_MS),
    });
    return principal;
  }

  private async verifyInFull(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.config.oidcIssuer,
        audience: this.config.oidcAudience,
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      this.jwks = error instanceof DiscoveryError ? undefined : this.jwks;
      throw new UnauthorizedException(reasonOf(error));
    }
    // `exp` is a required claim: jwtVerify refuses a token without it.
    return { principal: principalFrom(payload), expiresAt: (payload.exp as number) * 1000 };
  }

  private keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    const configured = this.config.oidcJwksUri;
    this.jwks ??= (configured ? Promise.resolve(configured) : discoverJwksUri(this.config.oidcIssuer)).then(
      (uri) => createRemoteJWKSet(new URL(uri)),
    );
    return this.jwks;
  }
}

class DiscoveryError extends Error {}

async function discoverJwksUri(issuer: string): Promise<string> {
  const url = new URL('.well-known/openid-configuration', issuer.endsWith('/') ? issuer : `${issuer}/`);
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { jwks_uri } = (await response.json()) as { jwks_uri?: string };
    if (!jwks_uri) throw new Error('no jwks_uri');
    return jwks_uri;
  } catch (error) {
    throw new DiscoveryError(
      `the identity provider's discovery document failed: ${(error as Error).message}`,
    );
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the access token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'the access token is from another issuer';
    if (error.claim === 'aud') return 'the access token is not meant for this API (audience)';
    return `the access token's ${error.claim} claim is not acceptable`;
  }
  if (error instanceof DiscoveryError) return 'the access token cannot be verified now';
  return 'the access token is not valid';
}

/** The caller from verified claims; a token whose role this API does not know is a 403 (see the guard). */
export function principalFrom(payload: JWTPayload): Principal {
  const roles = Array.isArray(payload.roles) ? payload.roles : [payload.role];
  const role = ROLES.find((candidate) => roles.includes(candidate));
  const organisation = payload.organisation;
  if (!role || !isRole(role) || typeof organisation !== 'string' || !organisation) {
    throw new NoRoleError('the access token carries no role or organisation this API knows');
  }
  return {
    subject: payload.sub as string,
    role,
    organisation,
    ...(typeof payload.municipality === 'string' ? { municipality: payload.municipality } : {}),
    ...(payload.region === 'FLANDERS' || payload.region === 'BRUSSELS' ? { region: payload.region } : {}),
  };
}
