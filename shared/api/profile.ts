/** What materials show about a person: `My profile`, and an admin's view of anyone's (routes/profile.ts). */
import { z } from 'zod';
import { endpoint, idParam, optionalBody } from './contract.js';

/** US states and territories a brokerage may be licensed in. */
export const US_STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'PR',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
] as const;
export const StateSchema = z.enum(US_STATES);

const Text = (max: number) => z.string().trim().max(max);
const HttpsUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'an http(s) link');
/** A headshot: one of our assets (uploaded, cropped square in the browser) or left empty. */
const AssetSrc = z
  .string()
  .trim()
  .max(300)
  .regex(/^\/api\/assets\/[\w.-]+$/, 'an uploaded image');

/** What materials show about a person (users.profile). `licenseNumbers` is derived for the merge and the compliance checks. */
export const ProfileSchema = z
  .object({
    displayName: Text(120).min(1),
    title: Text(120).default(''),
    headshot: AssetSrc.or(z.literal('')).default(''),
    phones: z
      .array(
        z
          .object({
            label: Text(30).default(''),
            number: Text(40)
              .min(3)
              .regex(/^[0-9+().\s-]+$/, 'digits, spaces, + ( ) - .'),
          })
          .strict(),
      )
      .max(3)
      .default([]),
    /** Email shown on materials (may differ from the sign-in email). */
    email: z.string().trim().toLowerCase().email().max(320).or(z.literal('')).default(''),
    licenses: z
      .array(
        z
          .object({
            state: StateSchema,
            number: Text(40).min(1),
            expiresOn: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)')
              .or(z.literal(''))
              .default(''),
          })
          .strict(),
      )
      .max(10)
      .refine((l) => new Set(l.map((x) => x.state)).size === l.length, 'one license per state')
      .default([]),
    designations: z.array(Text(20).min(1)).max(12).default([]),
    social: z
      .object({
        website: HttpsUrl.optional(),
        facebook: HttpsUrl.optional(),
        instagram: HttpsUrl.optional(),
        linkedin: HttpsUrl.optional(),
        x: HttpsUrl.optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type Profile = z.infer<typeof ProfileSchema>;

/** A profile as the page shows it, with the sign-in email (which the profile's own email may differ from). */
const ProfileAnswer = z.object({ accountEmail: z.string(), profile: ProfileSchema });
const PersonParams = z.object({ id: idParam('person') }).strict();

/** A design of the person's whose agent/office fields still show their old details (and how many they retyped, which stay). */
export const ProfileDesignUpdateSchema = z.object({
  designId: z.string(),
  title: z.string(),
  changes: z.array(z.object({ objectId: z.string(), binding: z.string(), from: z.string(), to: z.string() })),
  kept: z.number().int(),
});
export type ProfileDesignUpdate = z.infer<typeof ProfileDesignUpdateSchema>;
export const UpdateMyDesignsSchema = z.object({ designIds: z.array(idParam('design')).max(500).optional() }).strict();

export const profileApi = {
  mine: endpoint({ method: 'GET', path: '/api/profile', response: ProfileAnswer }),
  saveMine: endpoint({ method: 'PUT', path: '/api/profile', body: ProfileSchema, response: ProfileAnswer }),
  /** Admins (people.manage): anyone's in their brokerage. */
  get: endpoint({ method: 'GET', path: '/api/people/:id/profile', params: PersonParams, response: ProfileAnswer }),
  save: endpoint({ method: 'PUT', path: '/api/people/:id/profile', params: PersonParams, body: ProfileSchema, response: ProfileAnswer }),
  /** The person's designs whose agent/office fields a profile or office change left behind. */
  designUpdates: endpoint({
    method: 'GET',
    path: '/api/profile/design-updates',
    response: z.object({ designs: z.array(ProfileDesignUpdateSchema) }),
  }),
  /** Updates them (all, or the ones named): only fields that still show what was filled; retyped ones are kept. */
  updateDesigns: endpoint({
    method: 'POST',
    path: '/api/profile/design-updates',
    body: optionalBody(UpdateMyDesignsSchema),
    response: z.object({ updated: z.array(z.object({ designId: z.string(), applied: z.number().int(), kept: z.number().int() })) }),
  }),
};
