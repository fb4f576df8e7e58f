/** Signing in and out, refresh, password reset, and who I am (routes/auth.ts). */
import { z } from 'zod';
import { endpoint } from './contract.js';
import { NewPasswordSchema, RoleSchema } from './people.js';

/** A password-reset link's token. */
export const RESET_TOKEN = /^pwr1\.[\w-]{43}$/;
const ResetToken = z.string().regex(RESET_TOKEN, 'not a reset link token');

/** What clients see of the signed-in person: no session id; plus what their role allows. */
export const SessionUserSchema = z.object({
  id: z.string(),
  brokerageId: z.string(),
  brokerageName: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** The brokerage requires two-factor and this person has not enrolled: only the account security page works. */
  mustEnrolTotp: z.boolean(),
  capabilities: z.array(z.string()),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

const Tokens = z.object({ accessToken: z.string(), refreshToken: z.string(), expiresAt: z.string() });

export const authApi = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    body: z.object({
      email: z.string().trim().email().max(320),
      password: z.string().min(1).max(1024),
      /** A TOTP code or a recovery code, when two-factor is on. */
      code: z.string().trim().min(1).max(32).optional(),
    }),
    response: Tokens.extend({ user: SessionUserSchema }),
  }),
  /** Rotates the refresh token (body for API clients, cookie for browsers); a reused token ends the session. */
  refresh: endpoint({
    method: 'POST',
    path: '/api/auth/refresh',
    body: z
      .object({ refreshToken: z.string().min(1).max(200).optional() })
      .strict()
      .nullish()
      .transform((b) => b ?? {}),
    response: Tokens,
  }),
  /** Public: emails a reset link if the address has an account; the answer is the same either way. */
  passwordReset: endpoint({
    method: 'POST',
    path: '/api/auth/password-reset',
    body: z.object({ email: z.string().trim().email().max(320) }).strict(),
    response: z.object({ message: z.string() }),
    status: 202,
  }),
  passwordResetPreview: endpoint({
    method: 'POST',
    path: '/api/auth/password-reset/preview',
    body: z.object({ token: ResetToken }).strict(),
    response: z.object({ email: z.string() }),
  }),
  /** Public: sets the new password with the emailed link; every session of the person ends. */
  passwordResetComplete: endpoint({
    method: 'POST',
    path: '/api/auth/password-reset/complete',
    body: z.object({ token: ResetToken, password: NewPasswordSchema }).strict(),
    response: z.object({ email: z.string() }),
  }),
  logout: endpoint({ method: 'POST', path: '/api/auth/logout', status: 204 }),
  /** Sign out everywhere: every session of this user ends and their live sockets close. */
  logoutAll: endpoint({ method: 'POST', path: '/api/auth/logout-all', status: 204 }),
  me: endpoint({ method: 'GET', path: '/api/auth/me', response: z.object({ user: SessionUserSchema }) }),
  /** The same question for pages that work either way (the log-in page): no session is an answer, not an error. */
  session: endpoint({ method: 'GET', path: '/api/auth/session', response: z.object({ user: SessionUserSchema.nullable() }) }),
};
