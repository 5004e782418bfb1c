import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ACTOR_HEADER, IDEMPOTENCY_KEY_HEADER } from './command-context';

/** OpenAPI generated from the controllers and DTOs: UI at /docs, JSON at /docs-json. */
export function setUpSwagger(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Inburgering case engine')
      .setDescription(
        "Trajectories of newcomers in Flemish civic integration. Commands are decided by the trajectory's " +
          `workflow; send an ${IDEMPOTENCY_KEY_HEADER} header to make retries safe and ${ACTOR_HEADER} to say who acts.`,
      )
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
