/** Self-service: change one's password, two-factor enrolment (routes/account.ts). */
import { z } from 'zod';
import { endpoint } from './contract.js';
import { NewPasswordSchema } from './people.js';

/** A fresh secret (pending until confirmed with a code), its otpauth URI and the same as a QR code in SVG. */
export const TotpEnrolmentSchema = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });
export type TotpEnrolment = z.infer<typeof TotpEnrolmentSchema>;

export const accountApi = {
  /** Every other session ends; this one stays. A wrong current password is a 400 on `currentPassword`. */
  changePassword: endpoint({
    method: 'POST',
    path: '/api/account/password',
    body: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: NewPasswordSchema }).strict(),
    status: 204,
  }),
  totp: endpoint({ method: 'GET', path: '/api/account/totp', response: z.object({ enabled: z.boolean() }) }),
  /** Starts enrolment (409 when two-factor is already on). Takes no body: whatever is sent is ignored. */
  totpSetup: endpoint({ method: 'POST', path: '/api/account/totp/setup', response: TotpEnrolmentSchema }),
  /** Confirms enrolment with a current code; answers the recovery codes (shown once). */
  totpEnable: endpoint({
    method: 'POST',
    path: '/api/account/totp/enable',
    body: z
      .object({
        code: z
          .string()
          .trim()
          .regex(/^\d{6}$/, 'six digits'),
      })
      .strict(),
    response: z.object({ enabled: z.literal(true), recoveryCodes: z.array(z.string()) }),
  }),
  /** Needs the password; 409 when the brokerage requires two-factor. */
  totpDisable: endpoint({
    method: 'POST',
    path: '/api/account/totp/disable',
    body: z.object({ password: z.string().min(1).max(1024) }).strict(),
    status: 204,
  }),
};
