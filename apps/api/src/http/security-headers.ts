import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * Security headers on every answer (helmet's defaults: HSTS, nosniff, frame-ancestors 'none', no referrer...),
 * with a content security policy that lets a browser application served by this API talk to it and to the
 * OpenID provider people sign in with, and nothing else.
 */
export function securityHeaders(options: { oidcIssuer: string }): Middleware {
  const issuerOrigin = originOf(options.oidcIssuer);
  return helmet({
    contentSecurityPolicy: {
      directives: {
        connectSrc: ["'self'", ...(issuerOrigin ? [issuerOrigin] : [])],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  }) as Middleware;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
