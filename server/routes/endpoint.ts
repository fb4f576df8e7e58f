/**
 * Registers a route from its contract in shared/api: Fastify validates the path parameters,
 * query string and body with the contract's zod schemas and serialises the answer with its
 * response schema (fastify-type-provider-zod's compilers, set on the route so routes without a
 * contract keep Fastify's defaults). The handler gets the parsed, typed request.
 *
 * Validation errors are attached, not sent: the handler's `auth` check runs first, so a caller
 * who may not use the route hears 401/403 before anything about its body (as every route did
 * when it parsed its own input), and the failure keeps our shape,
 * `400 {error:{code:'validation_failed', message:'field: what', details:{fields}}}`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Endpoint, ReplyOf } from '../../shared/api/contract.js';
import { AppError } from '../errors.js';

type Parsed<S> = S extends z.ZodType ? z.output<S> : unknown;

/** A request to the endpoint after validation. */
export type EndpointRequest<E extends Endpoint> = FastifyRequest<{
  Params: Parsed<E['params']>;
  Querystring: Parsed<E['query']>;
  Body: Parsed<E['body']>;
}>;

export interface EndpointOptions<A> {
  /** Who may call it, checked before the input (e.g. `requireUser`); its result is the handler's third argument. */
  auth?: (req: FastifyRequest) => A;
  bodyLimit?: number;
}

/** What the input checks call each part when an issue has no path of its own. */
const PART: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/** The attached validation error as our 400, naming each field at fault (like `parse` in server/validation.ts). */
export function validationFailure(err: Error & { validation?: FastifySchemaValidationError[]; validationContext?: string }): AppError {
  const where = PART[err.validationContext ?? 'body'] ?? 'body';
  const fields = (err.validation ?? []).map((v) => ({
    field: v.instancePath.split('/').filter(Boolean).join('.') || where,
    message: v.message ?? 'not valid',
  }));
  const first = fields[0] ?? { field: where, message: 'not valid' };
  return new AppError(400, 'validation_failed', `${first.field}: ${first.message}`, { fields: fields.length ? fields : [first] });
}

export function route<const E extends Endpoint, A = undefined>(
  app: FastifyInstance,
  e: E,
  options: EndpointOptions<A>,
  handler: (req: EndpointRequest<E>, reply: FastifyReply, caller: A) => Promise<ReplyOf<E> | FastifyReply>,
): void {
  app.route({
    method: e.method,
    url: e.path,
    schema: {
      ...(e.params ? { params: e.params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      ...(e.body ? { body: e.body } : {}),
      ...(e.response ? { response: { [e.status ?? 200]: e.response } } : {}),
    },
    // The compilers see only the zod schemas given above (Fastify's types cannot tell).
    validatorCompiler: validatorCompiler as never,
    serializerCompiler: serializerCompiler as never,
    attachValidation: true,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    handler: async (req, reply) => {
      const caller = options.auth ? options.auth(req) : (undefined as A);
      if (req.validationError) throw validationFailure(req.validationError);
      const answer = await handler(req as unknown as EndpointRequest<E>, reply, caller);
      if (e.status && e.status !== 200 && !reply.sent && answer !== reply) reply.code(e.status);
      return e.status === 204 && answer !== reply ? reply.send() : answer;
    },
  });
}
