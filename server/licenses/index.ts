export {
  LicenseExpiry,
  EXPIRY_WINDOW_DAYS,
  addDays,
  daysBetween,
  expiryPhrase,
  isCalendarDay,
  utcDay,
  type LicenseExpiryDeps,
} from './expiry.js';
export { LicenseNoticeRepository } from './notices-repo.js';
