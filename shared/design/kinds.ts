/** The design model's fixed vocabularies (zod-free, so pages that only need these do not load zod). */

/** Kinds of marketing piece a design can be. */
export const DESIGN_KINDS = [
  'flyer',
  'open-house',
  'business-card',
  'email-signature',
  'social-post',
  'story',
  'postcard',
  'feature-sheet',
  'price-reduced',
] as const;
export type DesignKind = (typeof DESIGN_KINDS)[number];

/** Kinds printed on paper (safe area and image resolution rules apply). */
export const PRINT_KINDS: readonly DesignKind[] = ['flyer', 'open-house', 'business-card', 'postcard', 'feature-sheet', 'price-reduced'];

export const OBJECT_TYPES = ['text', 'image', 'rect', 'ellipse', 'line'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** What an element is for; rules and templates look objects up by role. */
export const KNOWN_ROLES = [
  'logo',
  'disclaimer',
  'agent-name',
  'agent-phone',
  'agent-email',
  'agent-photo',
  'brokerage-name',
  'license-number',
  'eho-logo',
  'eho-slogan',
  'headline',
  'price',
  'address',
  'facts',
  'description',
  'photo',
  'team-name',
  'background',
  'decoration',
] as const;

/** Page size (design px at 96 dpi) for a blank design of each kind. */
export const DEFAULT_PAGE_SIZE: Record<DesignKind, { width: number; height: number }> = {
  flyer: { width: 816, height: 1056 },
  'open-house': { width: 816, height: 1056 },
  'feature-sheet': { width: 816, height: 1056 },
  'price-reduced': { width: 816, height: 1056 },
  'business-card': { width: 336, height: 192 },
  postcard: { width: 576, height: 384 },
  'email-signature': { width: 600, height: 200 },
  'social-post': { width: 1080, height: 1080 },
  story: { width: 1080, height: 1920 },
};
