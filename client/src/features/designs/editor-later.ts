import type { ComponentType } from 'react';
import { lazyPage } from '../../lazy-page.js';

type Parts = typeof import('./editor-later-parts.js');

let parts: Promise<Parts> | null = null;
/** Starts loading the editor's after-first-frame parts (one chunk). */
export function loadLaterParts(): Promise<Parts> {
  parts ??= import('./editor-later-parts.js').catch((err: unknown) => {
    parts = null; // a failed chunk load may succeed later
    throw err;
  });
  return parts;
}

function part<P extends object>(pick: (parts: Parts) => ComponentType<P>) {
  return lazyPage<P>(() => loadLaterParts().then((m) => ({ default: pick(m) })));
}

export const ListingUpdateBanner = part((m) => m.ListingUpdateBanner);
export const InsightsDrawer = part((m) => m.InsightsDrawer);
export const CommentLayer = part((m) => m.CommentLayer);
export const ReviewBanner = part((m) => m.ReviewBanner);
export const ReviewBar = part((m) => m.ReviewBar);
export const WorkflowDrawer = part((m) => m.WorkflowDrawer);
export const PhoneReview = part((m) => m.PhoneReview);
