export type { AuditEntry } from './audit.js';
