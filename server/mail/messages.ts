/**
 * The emails RealBrand sends, as pure functions: each returns a subject, a plain-text body and
 * a small branded HTML body (the brokerage's name and first palette colour; no images, no
 * tracking). Every link is absolute (made from PUBLIC_URL by the caller).
 */

export interface MailBrand {
  brokerageName: string;
  /** #rrggbb accent for the header rule and the button. */
  accent: string;
}

export interface MailMessage {
  subject: string;
  text: string;
  html: string;
}

export type MailContent =
  | { kind: 'invite'; inviterName: string; role: string; link: string; expiresAt: Date }
  | { kind: 'password_reset'; name: string; link: string; minutes: number }
  | { kind: 'notification'; title: string; body: string | null; link: string; action: string };

const ROLE_NAMES: Record<string, string> = { agent: 'agent', brand_manager: 'brand manager', admin: 'admin' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A subject line never carries line breaks (header injection) and stays short. */
function subjectLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').slice(0, 200);
}

const SAFE_ACCENT = /^#[0-9a-fA-F]{6}$/;

function layout(brand: MailBrand, paragraphs: string[], button: { label: string; link: string }, footer: string): string {
  const accent = SAFE_ACCENT.test(brand.accent) ? brand.accent : '#1f3a5f';
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
  return `<!doctype html>
<html><body style="margin:0;padding:24px;background:#f5f6f8;font-family:Helvetica,Arial,sans-serif;color:#1a202c">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;border-top:4px solid ${accent}">
<tr><td style="padding:24px 28px 8px;font-size:18px;font-weight:bold">${escapeHtml(brand.brokerageName)}</td></tr>
<tr><td style="padding:8px 28px 8px;font-size:15px">${body}
<p style="margin:8px 0 24px"><a href="${escapeHtml(button.link)}" style="display:inline-block;padding:12px 20px;background:${accent};color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold">${escapeHtml(button.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#4a5568">Or paste this link into your browser: ${escapeHtml(button.link)}</p>
</td></tr>
<tr><td style="padding:12px 28px 24px;font-size:12px;color:#718096;border-top:1px solid #edf2f7">${escapeHtml(footer)}</td></tr>
</table></body></html>`;
}

function text(paragraphs: string[], button: { label: string; link: string }, footer: string, brand: MailBrand): string {
  return [brand.brokerageName, '', ...paragraphs.flatMap((p) => [p, '']), `${button.label}: ${button.link}`, '', '--', footer].join('\n');
}

export function renderMail(content: MailContent, brand: MailBrand): MailMessage {
  const footer = `Sent by RealBrand for ${brand.brokerageName}.`;
  let subject: string;
  let paragraphs: string[];
  let button: { label: string; link: string };
  let foot = footer;
  switch (content.kind) {
    case 'invite': {
      const role = ROLE_NAMES[content.role] ?? content.role;
      subject = `${content.inviterName} invited you to ${brand.brokerageName} on RealBrand`;
      paragraphs = [
        `${content.inviterName} invited you to join ${brand.brokerageName} on RealBrand as ${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role}.`,
        `Choose your password to get started. The link works once and until ${content.expiresAt.toUTCString()}.`,
      ];
      button = { label: 'Accept the invitation', link: content.link };
      foot = `${footer} If you did not expect this invitation, you can ignore this email.`;
      break;
    }
    case 'password_reset':
      subject = 'Reset your RealBrand password';
      paragraphs = [
        `Hello ${content.name},`,
        `Someone (hopefully you) asked to reset the password of your RealBrand account. The link works once, for ${content.minutes} minutes. Setting a new password signs you out everywhere.`,
      ];
      button = { label: 'Choose a new password', link: content.link };
      foot = `${footer} If you did not ask for this, ignore this email: your password stays as it is.`;
      break;
    case 'notification':
      subject = content.title;
      paragraphs = content.body ? [content.title, content.body] : [content.title];
      button = { label: content.action, link: content.link };
      foot = `${footer} You get this because of your RealBrand inbox; it shows the same.`;
      break;
  }
  return { subject: subjectLine(subject), text: text(paragraphs, button, foot, brand), html: layout(brand, paragraphs, button, foot) };
}
