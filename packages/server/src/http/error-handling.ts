import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '@advocacy/sdk/contract';
import { databaseFaultOf, type DatabaseFault } from '../db/database-faults.js';
import { HttpProblem, slugForStatus } from './problem.js';

function send(problem: HttpProblem, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem.toProblem(request.id, request.url.split('?')[0]));
}

/** A fault of the database or its disk: ours and passing, so 503 with a time to come back, never a 500. */
const FAULT_PROBLEMS: Record<DatabaseFault, { slug: string; detail: string; retryAfterSeconds: number }> = {
  busy: { slug: 'database-busy', detail: 'The database is too busy to answer in time. Try again shortly.', retryAfterSeconds: 2 },
  unavailable: { slug: 'database-unavailable', detail: 'The database is briefly unavailable. Try again shortly.', retryAfterSeconds: 5 },
  'storage-full': { slug: 'storage-full', detail: 'The server cannot store anything right now (its disk is full). Reading still works; try writing again later.', retryAfterSeconds: 60 },
  'read-only': { slug: 'storage-read-only', detail: 'The server cannot store anything right now (its storage is read-only). Try again later.', retryAfterSeconds: 60 },
};

export function faultProblem(fault: DatabaseFault): HttpProblem {
  const { slug, detail, retryAfterSeconds } = FAULT_PROBLEMS[fault];
  return new HttpProblem(503, slug, { detail, headers: { 'retry-after': String(retryAfterSeconds) } });
}

/** Fastify's own client errors (bad JSON, body too large, wrong media type) keep their 4xx status. */
function fromFastifyError(error: FastifyError): HttpProblem {
  const fault = databaseFaultOf(error);
  if (fault) return faultProblem(fault);
  // A data exception (class 22): a value the client sent that Postgres cannot store, e.g. a NUL character.
  if (/^22[0-9A-Z]{3}$/.test(String((error as { code?: unknown }).code))) {
    return new HttpProblem(400, 'invalid-data', { detail: 'A value in the request cannot be stored (for example a NUL character). Remove it and try again.' });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const detail = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
      ? 'The request body is not valid JSON.'
      : error.message;
    return new HttpProblem(status, slugForStatus(status), { detail });
  }
  return new HttpProblem(500, 'internal', { detail: 'Something went wrong on our side. The request id helps us find it.' });
}

/**
 * Every error leaves as `application/problem+json`. Client mistakes keep
 * their 4xx; anything else is a 500 that is logged and never shows a stack.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = error instanceof HttpProblem ? error : fromFastifyError(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return send(problem, request, reply);
  });

  app.setNotFoundHandler((request, reply) =>
    send(new HttpProblem(404, 'not-found', { detail: `No route for ${request.method} ${request.url.split('?')[0]}.` }), request, reply),
  );
}
