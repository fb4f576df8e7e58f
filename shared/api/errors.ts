/**
 * The one error shape of the API. The server throws it (server/errors.ts `AppError` is this
 * class) and answers `{error:{code,message,details?}}` with its status; the client's fetch turns
 * that answer back into the same class, so both sides read `status`, `code` and `details` alike.
 */
import type { ErrorBody } from './contract.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** E.g. `{fields: [{field, message}]}` for validation errors, `{retryAfterSeconds}` for limits. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The JSON body the server answers with. */
  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }

  /** The error a response stands for (`body` as parsed; anything not our shape gets a generic code). */
  static fromResponse(status: number, body: unknown): ApiError {
    const err = (body as Partial<ErrorBody> | null)?.error;
    return new ApiError(status, err?.code ?? `http_${status}`, err?.message ?? `Request failed (${status})`, err?.details);
  }
}
