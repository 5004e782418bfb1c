import {
  BadRequestException,
  HttpException,
  HttpStatus,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROBLEM_TYPES, ProblemDetails } from './problem-details';

/** Far above any command (the largest, a registration with its facts, is under 2 KB). */
export const MAX_BODY_BYTES = 64 * 1024;
/** The codec endpoint's batches of a workflow history's payloads (apps/api/src/codec). */
export const MAX_CODEC_BODY_BYTES = 8 * 1024 * 1024;
const CODEC_ROUTE = /^\/codec\/(de|en)code(\?|$)/;

type Request = IncomingMessage & { body?: unknown };
type NextFunction = (error?: unknown) => void;
type RequestHandler = (request: Request, response: ServerResponse, next: NextFunction) => void;

// express ships no type declarations here; its JSON parser is body-parser's.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { json } = require('express') as {
  json(options: { limit: number; strict: boolean; type: (request: Request) => boolean }): RequestHandler;
};

/** application/json and its structured-syntax relatives (application/merge-patch+json, ...). */
export function isJsonContentType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(mediaType);
}

/**
 * Parses JSON request bodies only: at most MAX_BODY_BYTES, objects and arrays at the top (strict). A body
 * of another Content-Type is refused with 415 saying so, rather than read as an empty or a form body; a
 * command sent without a body is validated as `{}` (its required fields are then named). A route that streams its
 * own body (a bulk file upload) is named by `streamsItsOwnBody` and left untouched.
 */
export function jsonBodyParser(
  options: { streamsItsOwnBody?: (request: IncomingMessage) => boolean } = {},
): RequestHandler {
  const parser = (limit: number) =>
    json({ limit, strict: true, type: (request) => isJsonContentType(request.headers['content-type']) });
  const parseCommand = parser(MAX_BODY_BYTES);
  const parseCodecBatch = parser(MAX_CODEC_BODY_BYTES);
  return (request, response, next) => {
    if (options.streamsItsOwnBody?.(request)) {
      next();
      return;
    }
    if (hasBody(request) && !isJsonContentType(request.headers['content-type'])) {
      next(unsupportedMediaType(request.headers['content-type']));
      return;
    }
    const parse = CODEC_ROUTE.test(request.url ?? '') ? parseCodecBatch : parseCommand;
    parse(request, response, (error?: unknown) => {
      if (error) {
        next(httpExceptionOfBodyError(error) ?? error);
        return;
      }
      request.body ??= {};
      next();
    });
  };
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function unsupportedMediaType(contentType: string | undefined): UnsupportedMediaTypeException {
  const given = contentType ? `Content-Type ${contentType.slice(0, 100)}` : 'no Content-Type';
  return new UnsupportedMediaTypeException(
    problem(
      PROBLEM_TYPES.unsupportedMediaType,
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      `the body was sent with ${given}; send it as JSON with Content-Type: application/json`,
    ),
  );
}

/**
 * body-parser's errors (they carry a `type` and a status) as HTTP exceptions. The parser's own message is not
 * repeated: it quotes the body, which may hold personal data.
 */
export function httpExceptionOfBodyError(error: unknown): HttpException | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, limit } = error as { type?: unknown; limit?: unknown };
  switch (type) {
    case 'entity.parse.failed':
      return new BadRequestException(
        problem(PROBLEM_TYPES.malformedJson, HttpStatus.BAD_REQUEST, 'the request body is not valid JSON'),
      );
    case 'entity.too.large':
      return new PayloadTooLargeException(
        problem(
          PROBLEM_TYPES.payloadTooLarge,
          HttpStatus.PAYLOAD_TOO_LARGE,
          `the request body is larger than ${typeof limit === 'number' ? limit : MAX_BODY_BYTES} bytes`,
        ),
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeException(
        problem(
          PROBLEM_TYPES.unsupportedMediaType,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          'the request body must be JSON in UTF-8, without content encoding',
        ),
      );
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return new BadRequestException(
        problem(PROBLEM_TYPES.malformedJson, HttpStatus.BAD_REQUEST, 'the request body could not be read'),
      );
    default:
      return undefined;
  }
}

function problem(kind: { type: string; title: string }, status: number, detail: string): ProblemDetails {
  return { ...kind, status, detail };
}
