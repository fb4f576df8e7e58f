export {
  WebhookService,
  WEBHOOKS_GROUP,
  WEBHOOK_EVENT_CHOICES,
  checkWebhookUrl,
  type Webhook,
  type WebhookDelivery,
  type WebhookAttempt,
  type WebhookServiceOptions,
} from './service.js';
export { signWebhook, verifyWebhookSignature, newWebhookSecret, SIGNATURE_HEADER } from './signing.js';
