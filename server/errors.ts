import { ApiError } from '../shared/api/errors.js';

/** A failure the caller can act on: carries an HTTP status and a stable code (the client reads it as the same `ApiError`). */
export class AppError extends ApiError {
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(status, code, message, details);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'You do not have access to this') => new AppError(403, 'forbidden', message);
export const unauthenticated = (message = 'Log in to continue') => new AppError(401, 'unauthenticated', message);
export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
