import type { FastifyBaseLogger } from 'fastify';
import type { Notification } from '../../shared/index.js';
import type { Queryable } from '../db/index.js';
import type { Mailer } from './mailer.js';
import { renderMail, type MailBrand, type MailContent } from './messages.js';

/** Inbox kinds that also go out by email (comments without a mention stay in the inbox). */
const EMAILED_KINDS: Record<string, string> = {
  review_requested: 'Open the review',
  approved: 'Open the design',
  changes_requested: 'See the requested changes',
  mention: 'Open the comment',
  design_shared: 'Open the design',
  access_requested: 'Review the request',
  access_granted: 'Open the design',
  license_expiring: 'Update your profile',
};

/** Where a notification's button leads. */
function notificationPath(n: Notification): string {
  if (n.kind === 'license_expiring') return '/profile';
  // The inbox holds the one-click grant.
  if (n.kind === 'access_requested') return '/inbox';
  return n.designId ? `/designs/${encodeURIComponent(n.designId)}` : '/inbox';
}

export interface MailServiceDeps {
  db: Queryable;
  mailer: Mailer;
  /** The product's external URL (PUBLIC_URL, else the address it listens on). */
  baseUrl: () => string;
  log: FastifyBaseLogger;
}

/** Composes and sends RealBrand's emails: invitations, password resets, and inbox notifications. */
export class MailService {
  /** Sends under way (tests and graceful stop wait for them). */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly deps: MailServiceDeps) {}

  /** Whether mail really leaves (SMTP configured). */
  get delivers(): boolean {
    return this.deps.mailer.delivers;
  }

  link(path: string): string {
    return new URL(path, this.deps.baseUrl()).toString();
  }

  private async brand(brokerageId: string): Promise<MailBrand> {
    const { rows } = await this.deps.db.query<{ name: string; brand_kit: unknown }>(
      'SELECT name, brand_kit FROM brokerages WHERE id = $1',
      [brokerageId],
    );
    const kit = (typeof rows[0]?.brand_kit === 'string' ? JSON.parse(rows[0].brand_kit) : rows[0]?.brand_kit) as
      { palette?: Array<{ hex?: string }> } | undefined;
    return { brokerageName: rows[0]?.name ?? 'RealBrand', accent: kit?.palette?.[0]?.hex ?? '#1f3a5f' };
  }

  /** Sends now; true when the SMTP server accepted it. A failure is logged, never thrown (the caller's action stands). */
  async send(brokerageId: string, to: string, content: MailContent): Promise<boolean> {
    const work = (async () => {
      const brand = await this.brand(brokerageId);
      await this.deps.mailer.send(to, renderMail(content, brand), brand.brokerageName);
      return this.deps.mailer.delivers;
    })().catch((err: unknown) => {
      this.deps.log.warn({ err, to, kind: content.kind }, 'email failed');
      return false;
    });
    return this.track(work);
  }

  /** Emails an inbox notification to its person when its kind is one that is emailed (in the background). */
  notify(userId: string, n: Notification): void {
    const action = EMAILED_KINDS[n.kind];
    if (!action) return;
    this.track(
      (async () => {
        const { rows } = await this.deps.db.query<{ email: string; brokerage_id: string; active: boolean }>(
          'SELECT email, brokerage_id, active FROM users WHERE id = $1',
          [userId],
        );
        const person = rows[0];
        if (!person?.active) return;
        await this.send(person.brokerage_id, person.email, {
          kind: 'notification',
          title: n.title,
          body: n.body,
          link: this.link(notificationPath(n)),
          action,
        });
      })().catch((err: unknown) => this.deps.log.warn({ err, userId }, 'notification email failed')),
    );
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
    return work;
  }

  /** Waits for the sends under way (graceful stop; tests). */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    await this.settle();
    await this.deps.mailer.close();
  }
}
