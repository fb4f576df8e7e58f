export {
  AuthService,
  SESSION_COOKIE,
  REFRESH_COOKIE,
  tokenFromRequest,
  setSessionCookies,
  clearSessionCookies,
  type AuthUser,
  type AuthResult,
} from './service.js';
export { hashPassword, verifyPassword, setPasswordCost, setHashQueueLimits } from './password.js';
export { TokenSigner, type TokenClaims } from './token.js';
export { AuditLog, type AuditEvent, type AuditEntry } from './audit.js';
export { BusAccessBus, InProcessAccessBus, type AccessBus, type AccessEvent } from './access-bus.js';
export * from './permissions.js';
export { requireCapability, requireDesign } from './access.js';
export { CSRF_HEADER, socketOriginRefused } from './http.js';
