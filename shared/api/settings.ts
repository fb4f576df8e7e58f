/** Brokerage settings admins control, stored in brokerages.settings (routes/settings.ts). */
import { z } from 'zod';
import { endpoint } from './contract.js';

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

export const settingsApi = {
  get: endpoint({ method: 'GET', path: '/api/admin/settings', response: BrokerageSettingsSchema }),
  /** Answers the settings as they are after the change. */
  put: endpoint({ method: 'PUT', path: '/api/admin/settings', body: BrokerageSettingsSchema, response: BrokerageSettingsSchema }),
};
