export { BrokerageTemplates, type BrokerageTemplateSummary } from './store.js';
