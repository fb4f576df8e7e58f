/** Brokerage settings admins control, stored in brokerages.settings (routes/settings.ts). */
import { z } from 'zod';
import { endpoint } from './contract.js';
import { StateSchema, US_STATES } from './profile.js';

export const BrokerageSettingsSchema = z
  .object({
    /** Designs must be approved before anyone exports them. */
    requireApprovalBeforeExport: z.boolean(),
    /** Monthly AI spend cap in USD (then the built-in assistant answers). */
    aiMonthlyBudgetUsd: z.number().min(0).max(100_000),
    /** Everyone must sign in with a second factor (those without one are sent to set it up). Unchanged when left out. */
    requireTwoFactor: z.boolean().optional(),
  })
  .strict();
export type BrokerageSettings = z.infer<typeof BrokerageSettingsSchema>;

/** US states and territories a brokerage (and a person) may be licensed in: one list, in profile.ts. */
export { StateSchema, US_STATES };

/** What admins change about the brokerage itself: its name and the states it is licensed in (which choose the compliance packs). */
export const BrokerageIdentitySchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    licensedStates: z
      .array(StateSchema)
      .min(1)
      .max(60)
      .refine((s) => new Set(s).size === s.length, 'each state once'),
  })
  .strict();
export type BrokerageIdentity = z.infer<typeof BrokerageIdentitySchema>;

/** The brokerage as admins see it: name, licensed states and the rule packs those states switch on. */
export const BrokerageSchema = z.object({ name: z.string(), licensedStates: z.array(StateSchema), rulePacks: z.array(z.string()) });
export type BrokerageView = z.infer<typeof BrokerageSchema>;

/** A person's license that expires soon (the admin dashboard). */
export const ExpiringLicenseSchema = z.object({
  userId: z.string(),
  name: z.string(),
  state: z.string(),
  number: z.string(),
  /** YYYY-MM-DD. */
  expiresOn: z.string(),
  /** Whole days from today (UTC) to the expiry date; 0 on the day. */
  daysLeft: z.number().int(),
});
export type ExpiringLicense = z.infer<typeof ExpiringLicenseSchema>;
export const ExpiringLicensesSchema = z.object({ withinDays: z.number().int(), licenses: z.array(ExpiringLicenseSchema) });

export const settingsApi = {
  get: endpoint({ method: 'GET', path: '/api/admin/settings', response: BrokerageSettingsSchema }),
  /** Answers the settings as they are after the change. */
  put: endpoint({ method: 'PUT', path: '/api/admin/settings', body: BrokerageSettingsSchema, response: BrokerageSettingsSchema }),
  brokerage: endpoint({ method: 'GET', path: '/api/admin/brokerage', response: BrokerageSchema }),
  /** Renames the brokerage and sets its licensed states; the brand kit's rule packs follow the states. */
  saveBrokerage: endpoint({ method: 'PUT', path: '/api/admin/brokerage', body: BrokerageIdentitySchema, response: BrokerageSchema }),
  /** Licenses of people in the brokerage that expire within the next 60 days, soonest first. */
  expiringLicenses: endpoint({ method: 'GET', path: '/api/admin/license-expiry', response: ExpiringLicensesSchema }),
};
