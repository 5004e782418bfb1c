import type { INestApplication } from '@nestjs/common';
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { WEB_CLIENT_ID } from '../../../../libs/identity/src/demo-identities';

/** Where the web app lives on the API's address. */
export const WEB_APP_PATH = '/app';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WebAppOptions {
  /** The directory `vite build` wrote (index.html, assets/). */
  directory: string;
  /** What the browser needs to sign in: the provider, the public client, the API's audience. */
  issuer: string;
  audience: string;
}

/**
 * Serves the caseworkers' web app (apps/web) beside the API on the same address: its files under /app/, every other
 * path under /app/ answers index.html (the app routes in the browser), /app/config.json says where to sign in, and
 * / redirects to /app/. Plain files for everyone: the data comes from the API with the user's token.
 */
export function serveWebApp(app: INestApplication, options: WebAppOptions): boolean {
  const index = join(options.directory, 'index.html');
  if (!existsSync(index)) return false;
  const root = normalize(options.directory + sep);
  const config = JSON.stringify({
    issuer: options.issuer,
    clientId: WEB_CLIENT_ID,
    audience: options.audience,
  });
  app.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (url.pathname === '/') return redirect(response, `${WEB_APP_PATH}/`);
    if (url.pathname === WEB_APP_PATH) return redirect(response, `${WEB_APP_PATH}/${url.search}`);
    if (!url.pathname.startsWith(`${WEB_APP_PATH}/`)) return next();
    const relative = decodeURIComponent(url.pathname.slice(WEB_APP_PATH.length + 1));
    if (relative === 'config.json') return send(response, 200, 'application/json', config, 'no-store');
    const file = normalize(join(root, relative));
    if (!file.startsWith(root))
      return send(response, 404, 'text/plain; charset=utf-8', 'not found', 'no-store');
    if (relative !== '' && isFile(file)) return stream(response, file, relative.startsWith('assets/'));
    // A path with an extension is a missing file; any other path is a page of the app.
    if (extname(relative) !== '')
      return send(response, 404, 'text/plain; charset=utf-8', 'not found', 'no-store');
    return stream(response, index, false);
  });
  return true;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function securityHeaders(response: ServerResponse): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
}

function redirect(response: ServerResponse, location: string): void {
  securityHeaders(response);
  response.statusCode = 302;
  response.setHeader('Location', location);
  response.end();
}

function send(response: ServerResponse, status: number, type: string, body: string, cache: string): void {
  securityHeaders(response);
  response.statusCode = status;
  response.setHeader('Content-Type', type);
  response.setHeader('Cache-Control', cache);
  response.end(body);
}

function stream(response: ServerResponse, file: string, immutable: boolean): void {
  securityHeaders(response);
  response.statusCode = 200;
  response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
  // Vite names assets by their content hash; index.html must be fetched again to see a new build.
  response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  response.setHeader('Content-Length', statSync(file).size);
  if ((response.req as IncomingMessage | undefined)?.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
