export { createMailer, fromHeader, type Mailer, type MailConfig } from './mailer.js';
export { MailService, type MailServiceDeps } from './service.js';
export { renderMail, escapeHtml, type MailBrand, type MailContent, type MailMessage } from './messages.js';
