export { AuthService, SESSION_COOKIE, tokenFromRequest, type AuthUser, type AuthResult } from './service.js';
export { hashPassword, verifyPassword } from './password.js';
export { TokenSigner, type TokenClaims } from './token.js';
