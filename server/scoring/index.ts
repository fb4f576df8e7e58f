export { ScoringService, type DesignScore, type ScoringOptions } from './service.js';
export { ScoringContextProvider } from './context.js';
