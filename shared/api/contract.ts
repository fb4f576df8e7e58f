/**
 * One HTTP endpoint as both sides see it: method, path, and zod schemas for what goes in
 * (path parameters, query string, JSON body) and what comes out. The server registers the
 * route from it (Fastify validates and serialises with these schemas, through
 * fastify-type-provider-zod); the client's fetch is typed from it; the route fuzz pass reads it.
 * Plain data and zod only: no Node or DOM API here.
 */
import { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  method: Method;
  /** Fastify's path syntax: `/api/designs/:id`. */
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success answer's JSON (none: an empty 204, or a file/stream the route sends itself). */
  response?: z.ZodType;
  /** The success status; 200 unless said. */
  status?: 200 | 201 | 202 | 204;
}

/** Keeps the literal types of one endpoint (so callers infer their input and answer from it). */
export const endpoint = <const E extends Endpoint>(e: E): E => e;

type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the client sends: path parameters, query string and body, each as its schema accepts it. */
export type RequestOf<E extends Endpoint> = { params: InputOf<E['params']>; query: InputOf<E['query']>; body: InputOf<E['body']> };
/** What the server's handler gets after validation (defaults filled, strings coerced). */
export type ParsedRequestOf<E extends Endpoint> = { params: OutputOf<E['params']>; query: OutputOf<E['query']>; body: OutputOf<E['body']> };
/** What the server answers on success (as JSON arrives: the schema's output). */
export type ResponseOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : void;
/** What the server's handler may return for it (the schema's input, before serialisation). */
export type ReplyOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.input<E['response']> : void;

/** The path with its `:name` parameters filled in (URI-encoded). */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null) throw new Error(`${path}: missing path parameter ${name}`);
    return encodeURIComponent(String(v));
  });
}

/** `?a=1&b=x` from a flat object (undefined values left out), or '' when nothing is left. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const pairs = Object.entries(query).filter(([, v]) => v !== undefined && v !== null);
  if (!pairs.length) return '';
  return `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}`;
}

/**
 * The address of a GET endpoint, for what the browser loads itself (an `<img>`, a download link):
 * the contract's path with its parameters filled in, and the query string.
 */
export function urlOf<E extends Endpoint>(
  e: E,
  input: { params?: RequestOf<E>['params']; query?: Partial<RequestOf<E>['query']> } = {},
): string {
  return (
    fillPath(e.path, input.params as Record<string, unknown> | undefined) + queryString(input.query as Record<string, unknown> | undefined)
  );
}

/**
 * The error every failing request answers with (`AppError` on the server, `ApiError` on the
 * client): a stable code, a sentence for people, and for validation errors the fields at fault.
 */
export const FieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** A body the caller may leave out (Fastify reads a missing body as null): parsed as if `{}` was sent. */
export const optionalBody = <S extends z.ZodType>(schema: S) =>
  schema.nullish().transform((v): z.output<S> => (v ?? schema.parse({})) as z.output<S>);

/** The query of an address that carries a cache key (the version the page knows, so a new version is a new address); the server ignores it. */
export const CacheKey = z.object({ v: z.string().max(100).optional() });

/** Ids as the routes accept them in paths (letters, digits, `_` and `-`; at most 64). */
export const idParam = (what: string) => z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, `not a ${what} id`);
