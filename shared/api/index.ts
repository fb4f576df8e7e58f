/**
 * The API's contracts, one file per domain: request and response schemas that the server
 * registers its routes from (server/routes/endpoint.ts) and the client's fetch is typed from
 * (client/src/api.ts `call`). `ENDPOINTS` lists every one (the route fuzz pass reads it).
 */
import { accessApi } from './access.js';
import { accountApi } from './account.js';
import { adminMetricsApi } from './admin-metrics.js';
import { aiApi } from './ai.js';
import { assetsApi } from './assets.js';
import { auditApi } from './audit.js';
import { authApi } from './auth.js';
import { brandKitApi } from './brand-kit.js';
import { brandFontsApi } from './brand-fonts.js';
import type { Endpoint } from './contract.js';
import { designsApi } from './designs.js';
import { listingsApi } from './listings.js';
import { officesApi } from './offices.js';
import { invitesApi, peopleApi } from './people.js';
import { presenceApi } from './presence.js';
import { profileApi } from './profile.js';
import { reviewApi } from './review.js';
import { scansApi } from './scans.js';
import { scoresApi } from './scores.js';
import { settingsApi } from './settings.js';
import { setupApi } from './setup.js';
import { sharesApi } from './shares.js';
import { ssoApi } from './sso.js';
import { templatesApi } from './templates.js';
import { thumbnailsApi } from './thumbnails.js';
import { webhooksApi } from './webhooks.js';

export type { AuditEntry } from './audit.js';
export * from './contract.js';
export { ApiError } from './errors.js';
export {
  accessApi,
  accountApi,
  adminMetricsApi,
  aiApi,
  assetsApi,
  auditApi,
  authApi,
  brandKitApi,
  brandFontsApi,
  designsApi,
  invitesApi,
  listingsApi,
  officesApi,
  peopleApi,
  presenceApi,
  profileApi,
  reviewApi,
  scansApi,
  scoresApi,
  settingsApi,
  setupApi,
  sharesApi,
  ssoApi,
  templatesApi,
  thumbnailsApi,
  webhooksApi,
};

export const API = {
  auth: authApi,
  sso: ssoApi,
  designs: designsApi,
  templates: templatesApi,
  brandKit: brandKitApi,
  brandFonts: brandFontsApi,
  shares: sharesApi,
  access: accessApi,
  people: peopleApi,
  invites: invitesApi,
  listings: listingsApi,
  review: reviewApi,
  settings: settingsApi,
  profile: profileApi,
  account: accountApi,
  audit: auditApi,
  scores: scoresApi,
  scans: scansApi,
  presence: presenceApi,
  webhooks: webhooksApi,
  adminMetrics: adminMetricsApi,
  ai: aiApi,
  assets: assetsApi,
  thumbnails: thumbnailsApi,
  setup: setupApi,
  offices: officesApi,
} as const;

/** Every endpoint described by a contract. */
export const ENDPOINTS: Endpoint[] = Object.values(API).flatMap((domain) => Object.values(domain) as Endpoint[]);
