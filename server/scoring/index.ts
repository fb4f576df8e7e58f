export { ScoringService, type DesignScore, type ScoringOptions } from './service.js';
export { ScoringContextProvider } from './context.js';
export { ScanService, type ScanJob, type ScanRow, type ScanProgress } from './scan.js';
export { toCsv, csvCell } from './csv.js';
