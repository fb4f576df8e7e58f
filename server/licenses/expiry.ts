/**
 * License expiry: who in a brokerage has a license expiring in the next 60 days (the admin dashboard),
 * and the daily check that tells each person once per license per expiry date (inbox, and email when
 * SMTP is configured: the inbox's delivery emails `license_expiring`).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { ExpiringLicense } from '../../shared/api/settings.js';
import type { Db } from '../db/index.js';
import { UserRepository, type ExpiringLicenseRow } from '../repos/index.js';
import type { NotificationService } from '../review/index.js';
import { LicenseNoticeRepository } from './notices-repo.js';

/** How far ahead the dashboard looks and people are warned. */
export const EXPIRY_WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;

/** Today as a UTC calendar day (YYYY-MM-DD). */
export function utcDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The UTC day `days` after `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whether `day` is a real calendar date (a profile may hold 2027-02-31: it passes the pattern, not the calendar). */
export function isCalendarDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

/** Whole days from `today` to `day` (0 on the day itself). */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

function withDaysLeft(today: string, rows: ExpiringLicenseRow[]): Array<ExpiringLicenseRow & { daysLeft: number }> {
  return rows.filter((r) => isCalendarDay(r.expiresOn)).map((r) => ({ ...r, daysLeft: daysBetween(today, r.expiresOn) }));
}

export interface LicenseExpiryDeps {
  db: Db;
  notifications: NotificationService;
  log: FastifyBaseLogger;
}

export class LicenseExpiry {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly deps: LicenseExpiryDeps) {}

  /** The brokerage's licenses expiring from today through the window, soonest first (the dashboard). */
  async expiring(brokerageId: string, today: string = utcDay()): Promise<ExpiringLicense[]> {
    const rows = await new UserRepository(this.deps.db).expiringLicenses(brokerageId, today, addDays(today, EXPIRY_WINDOW_DAYS));
    return withDaysLeft(today, rows).map(({ userId, name, state, number, expiresOn, daysLeft }) => ({
      userId,
      name,
      state,
      number,
      expiresOn,
      daysLeft,
    }));
  }

  /**
   * Notifies everyone whose license expires within the window and was not told about that license and
   * date before. Each notice is claimed (an insert-if-absent row) and its inbox notification written in
   * one transaction; only the claim's winner delivers, so runs on several instances or several runs a day
   * send once. Answers how many licenses were due and how many notices this run sent.
   */
  async check(today: string = utcDay()): Promise<{ due: number; sent: number }> {
    const { db, notifications } = this.deps;
    const due = withDaysLeft(today, await new UserRepository(db).expiringLicensesEverywhere(today, addDays(today, EXPIRY_WINDOW_DAYS)));
    let sent = 0;
    for (const l of due) {
      const n = await db.transaction(async (tx) => {
        const notices = new LicenseNoticeRepository(tx);
        if (!(await notices.claim(l))) return null;
        const made = await notifications.notify(tx, {
          userId: l.userId,
          brokerageId: l.brokerageId,
          kind: 'license_expiring',
          title: `Your ${l.state} license ${l.number} expires ${expiryPhrase(l.daysLeft)} (${l.expiresOn})`,
          body: 'Renew it with the state, then update the expiry date in your profile so your materials stay compliant.',
        });
        await notices.noteNotification(l, made.id);
        return made;
      });
      if (n) {
        notifications.deliver(l.userId, n);
        sent++;
      }
    }
    return { due: due.length, sent };
  }

  /** Runs the check now and then every `intervalMs` (daily); a run still going is not started twice. */
  start(intervalMs = DAY_MS): void {
    this.runInBackground();
    this.timer = setInterval(() => this.runInBackground(), intervalMs);
    this.timer.unref();
  }

  /** Waits for the run under way (tests; graceful stop). */
  async settle(): Promise<void> {
    await this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.settle();
  }

  private runInBackground(): void {
    this.running ??= this.check()
      .then((r) => r.sent && this.deps.log.info(r, 'license expiry notices sent'))
      .catch((err: unknown) => this.deps.log.warn({ err }, 'license expiry check failed'))
      .finally(() => {
        this.running = null;
      });
  }
}

/** "today", "tomorrow", "in 12 days". */
export function expiryPhrase(daysLeft: number): string {
  if (daysLeft <= 0) return 'today';
  if (daysLeft === 1) return 'tomorrow';
  return `in ${daysLeft} days`;
}
