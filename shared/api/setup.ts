/** First run: the one-time setup link creates the first brokerage and its admin (routes/setup.ts). */
import { z } from 'zod';
import { HexColorSchema } from '../brand/kit.js';
import { NewPasswordSchema } from './people.js';
import { StateSchema, US_STATES } from './profile.js';
import { endpoint } from './contract.js';
import { SessionUserSchema } from './auth.js';

/** The link's token, as the server prints it (`…/setup#setup1.…`). */
export const SETUP_TOKEN = /^setup1\.[\w-]{43}$/;
const TokenSchema = z.string().regex(SETUP_TOKEN, 'not a setup token');

/** Fonts the editor ships (client/src/brand-fonts.ts) plus common system faces. */
export const BASIC_FONTS = ['Montserrat', 'Open Sans', 'Georgia', 'Arial', 'Helvetica', 'Times New Roman'] as const;

export const BrandBasicsSchema = z
  .object({
    primaryColor: HexColorSchema,
    secondaryColor: HexColorSchema.optional(),
    headingFont: z.enum(BASIC_FONTS).default('Montserrat'),
    bodyFont: z.enum(BASIC_FONTS).default('Open Sans'),
    /** Legal name for disclosures; defaults to the brokerage name. */
    legalName: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type BrandBasics = z.infer<typeof BrandBasicsSchema>;

export const BrokerageBasicsSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    licensedStates: z.array(StateSchema).min(1).max(60),
    brand: BrandBasicsSchema,
  })
  .strict();
export type BrokerageBasics = z.infer<typeof BrokerageBasicsSchema>;

export const setupApi = {
  /** Whether setup is still open, and the choices its form offers. */
  info: endpoint({
    method: 'GET',
    path: '/api/setup',
    response: z.object({ open: z.boolean(), states: z.array(z.enum(US_STATES)), fonts: z.array(z.enum(BASIC_FONTS)) }),
  }),
  /** 404 setup_not_available when setup is done or the token is not the current one. */
  check: endpoint({
    method: 'POST',
    path: '/api/setup/check',
    body: z.object({ token: TokenSchema }).strict(),
    response: z.object({ ok: z.literal(true) }),
  }),
  /** Creates the brokerage and its first admin, who is signed in (session cookies set); the token is then spent. */
  create: endpoint({
    method: 'POST',
    path: '/api/setup',
    body: z
      .object({
        token: TokenSchema,
        brokerage: BrokerageBasicsSchema,
        admin: z
          .object({
            name: z.string().trim().min(1).max(200),
            email: z.string().trim().toLowerCase().email().max(320),
            password: NewPasswordSchema,
          })
          .strict(),
      })
      .strict(),
    response: z.object({ brokerage: z.object({ id: z.string(), name: z.string() }), user: SessionUserSchema }),
    status: 201,
  }),
};
