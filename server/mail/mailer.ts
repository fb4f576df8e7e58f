import type { FastifyBaseLogger } from 'fastify';
import type { MailMessage } from './messages.js';

/** Sends one message; resolves once the SMTP server accepted it (or, without SMTP, once logged). */
export interface Mailer {
  /** True when mail really leaves (SMTP_URL set); the UI then says "emailed" instead of "copy the link". */
  readonly delivers: boolean;
  send(to: string, message: MailMessage, fromName?: string): Promise<void>;
  close(): Promise<void>;
}

export interface MailConfig {
  SMTP_URL?: string;
  MAIL_FROM?: string;
}

const DEFAULT_FROM = 'no-reply@realbrand.invalid';

/** The From header: the brokerage's name as display name, the configured address (a name in MAIL_FROM wins). */
export function fromHeader(mailFrom: string | undefined, fromName?: string): string | { name: string; address: string } {
  const configured = mailFrom ?? DEFAULT_FROM;
  if (configured.includes('<') || !fromName) return configured;
  return { name: `${fromName.replace(/[\r\n"<>]/g, ' ').slice(0, 100)} via RealBrand`, address: configured };
}

/** nodemailer over SMTP; the module is loaded only when mail is configured. */
class SmtpMailer implements Mailer {
  readonly delivers = true;
  private transport: Promise<import('nodemailer').Transporter> | null = null;

  constructor(
    private readonly url: string,
    private readonly from: string | undefined,
  ) {}

  private open() {
    this.transport ??= import('nodemailer').then((nm) =>
      nm.createTransport(this.url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never),
    );
    return this.transport;
  }

  async send(to: string, message: MailMessage, fromName?: string): Promise<void> {
    const transport = await this.open();
    await transport.sendMail({
      from: fromHeader(this.from, fromName),
      to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  }

  async close(): Promise<void> {
    const t = this.transport;
    this.transport = null;
    if (t) (await t).close();
  }
}

/** Without SMTP_URL: nothing is sent; the message's links are logged (and shown in the UI where it makes sense). */
class LogMailer implements Mailer {
  readonly delivers = false;
  constructor(private readonly log: FastifyBaseLogger) {}
  async send(to: string, message: MailMessage): Promise<void> {
    const links = message.text.match(/https?:\/\/\S+/g) ?? [];
    this.log.info({ to, subject: message.subject, links }, 'email not sent (no SMTP_URL configured)');
  }
  async close(): Promise<void> {}
}

export function createMailer(config: MailConfig, log: FastifyBaseLogger): Mailer {
  return config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : new LogMailer(log);
}
