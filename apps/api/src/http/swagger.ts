import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from '../access/access.decorators';
import { IDEMPOTENCY_KEY_HEADER } from './command-context';

/** OpenAPI generated from the controllers and DTOs: UI at /docs, JSON at /docs-json. */
export function setUpSwagger(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Inburgering case engine')
      .setDescription(
        "Trajectories of newcomers in Flemish civic integration. Commands are decided by the trajectory's " +
          `workflow; send an ${IDEMPOTENCY_KEY_HEADER} header to make retries safe. Every route but /health needs a ` +
          'bearer access token from the configured OpenID provider (OIDC_ISSUER); who acts is taken from it.',
      )
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
