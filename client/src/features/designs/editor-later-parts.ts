/**
 * The editor's parts that mount only once the design is on screen: scores and
 * assist, comments and history, review banners, listing updates. They are one
 * chunk of their own (see editor-later.ts), loaded after the first frame, so
 * opening a design compiles and runs only what draws it.
 */
export { ListingUpdateBanner } from '../listings/ListingBanner.js';
export { InsightsDrawer } from '../scoring/ui/InsightsDrawer.js';
export { CommentLayer } from '../review/editor/CommentLayer.js';
export { ReviewBanner } from '../review/editor/ReviewBanner.js';
export { ReviewBar } from '../review/editor/ReviewControls.js';
export { WorkflowDrawer } from '../review/editor/WorkflowDrawer.js';
export { PhoneReview } from '../review/editor/PhoneReview.js';
