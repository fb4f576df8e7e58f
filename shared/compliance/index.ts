export * from './types.js';
export * from './scoring.js';
export * from './engine.js';
export * from './apply-fix.js';
export * from './rules/index.js';
export * from './fair-housing/index.js';
export { SAFE_MARGIN_PX, textHeightNeeded, normalizeText, containsNormalized } from './design-utils.js';
export { brokerageCoreName } from './brokerage.js';
export type { ScanRow, ScanJob, ScanProgress } from './scan-report.js';
