import { DEFAULT_API_AUDIENCE, demoAccessToken, DEMO_IDENTITIES } from '../../libs/identity/src';
import { DEFAULT_IDENTITY_PORT } from './start-hook';

/**
 * `npm run token -- <demo identity>` prints an access token for the API, obtained from the running OpenID provider
 * (OIDC_ISSUER, default the embedded one of `npm start`) by the real flow: authorization code + PKCE for a person,
 * client credentials for a partner system.
 */
async function main(): Promise<void> {
  const identity = process.argv[2];
  if (!identity) {
    process.stderr.write(
      `usage: npm run token -- <identity>\n  identities: ${DEMO_IDENTITIES.map((one) => one.id).join(', ')}\n`,
    );
    process.exit(2);
  }
  const issuer =
    process.env.OIDC_ISSUER || `http://127.0.0.1:${process.env.IDENTITY_PORT || DEFAULT_IDENTITY_PORT}`;
  const audience = process.env.OIDC_AUDIENCE || DEFAULT_API_AUDIENCE;
  process.stdout.write(`${await demoAccessToken(issuer, identity, audience)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n(is \`npm start\` running?)\n`);
  process.exit(1);
});
