import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from '../access/access.decorators';
import { IDEMPOTENCY_KEY_HEADER } from './command-context';
import { ErrorBody, ValidationErrorBody } from './error-bodies';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { MAX_BODY_BYTES } from './request-body';

/** OpenAPI generated from the controllers and DTOs: UI at /docs, JSON at /docs-json. */
export function setUpSwagger(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Inburgering case engine')
      .setDescription(
        "Trajectories of newcomers in Flemish civic integration. Commands are decided by the trajectory's " +
          `workflow; send an ${IDEMPOTENCY_KEY_HEADER} header to make retries safe. Every route but /health needs a ` +
          'bearer access token from the configured OpenID provider (OIDC_ISSUER); who acts is taken from it. ' +
          'Every error is an RFC 9457 problem details object (application/problem+json).',
      )
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
      .setVersion('0.1.0')
      .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
      .addServer('/', 'This API, at the address the document was fetched from')
      .build(),
    { extraModels: [ErrorBody, ValidationErrorBody] },
  );
  SwaggerModule.setup('docs', app, describeProblems(document), { jsonDocumentUrl: 'docs-json' });
}

type Responses = Record<string, { description?: string; content?: Record<string, unknown> }>;

/**
 * Error answers are served as application/problem+json; every operation with a body may also answer 400 for
 * malformed JSON, 413 for a body over the limit and 415 for one that is not JSON, and any operation 500.
 */
export function describeProblems(document: OpenAPIObject): OpenAPIObject {
  const problem = (model: string) => ({ [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(model) } } });
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Array<{
      responses?: Responses;
      requestBody?: unknown;
      security?: unknown[];
    }>) {
      if (typeof operation !== 'object' || !operation?.responses) continue;
      // Public routes (@Public) carry no scheme: say so explicitly, as OpenAPI's empty requirement.
      operation.security ??= [];
      const responses = operation.responses;
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400 || !response.content || response.content[PROBLEM_CONTENT_TYPE]) continue;
        // An error is problem details whatever the success answers are (JSON, CSV, HTML, PDF).
        const declared = response.content['application/json'] ?? Object.values(response.content)[0];
        response.content = {
          [PROBLEM_CONTENT_TYPE]:
            (declared as { schema?: unknown } | undefined)?.schema !== undefined
              ? declared
              : problem('ErrorBody')[PROBLEM_CONTENT_TYPE],
        };
      }
      if (operation.requestBody) {
        responses['400'] ??= {
          description: 'The body is not JSON or a field is bad',
          content: problem('ValidationErrorBody'),
        };
        responses['413'] ??= {
          description: `The body is larger than ${MAX_BODY_BYTES} bytes`,
          content: problem('ErrorBody'),
        };
        responses['415'] ??= {
          description: 'The body was not sent as application/json',
          content: problem('ErrorBody'),
        };
      }
      responses['429'] ??= {
        description: 'More requests from this client than RATE_LIMIT_PER_MINUTE (see Retry-After)',
        content: problem('ErrorBody'),
      };
      responses['500'] ??= { description: 'An unexpected failure (logged)', content: problem('ErrorBody') };
    }
  }
  return document;
}
