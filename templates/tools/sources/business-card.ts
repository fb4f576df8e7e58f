import { SAMPLE as S, brokerage, disclaimer, eho, hline, logo, rect, template, text } from '../dsl.js';

// 3.5×2 in (336×192), 12 px bleed, two sides. Front: the brand, centred on
// the light colour. Back: the agent, the disclosure and the EHO mark.
const W = 336;
const H = 192;
const B = 12;
const M = 20;

export default template({
  id: 'business-card',
  title: 'Business card',
  kind: 'business-card',
  description: 'Two-sided agent business card: brand front, contact and disclosure back.',
  tags: ['print', 'card', 'agent'],
  width: W,
  height: H,
  bleed: B,
  pages: 2,
  objects: [
    rect('frontBg', [-B, -B, W + 2 * B, H + 2 * B], '$color.light', { page: 0, role: 'background' }),
    logo('logo', [78, 50, 180, 60], { page: 0 }),
    brokerage('brokerage', [M, 124, W - 2 * M, 16], { size: 12, fill: '$color.primary', align: 'center', page: 0 }),
    text('officeAddress', [M, 142, W - 2 * M, 14], S.officeAddress, {
      size: 11,
      align: 'center',
      role: 'office-address',
      binding: 'office.address',
      name: 'Office address',
      page: 0,
    }),
    rect('frontBar', [-B, 168, W + 2 * B, H + B - 168], '$color.primary', { page: 0 }),
    logo('logoBack', [196, M, 120, 40], { page: 1 }),
    text('agentName', [M, M, 168, 24], S.agentName, {
      font: 'heading',
      size: 20,
      weight: 700,
      fill: '$color.primary',
      role: 'agent-name',
      binding: 'agent.name',
      page: 1,
    }),
    text('license', [M, 46, 168, 14], S.agentLicense, { size: 11, role: 'license-number', binding: 'agent.license', page: 1 }),
    hline('bar', M, 72, 32, '$color.accent', 3, { page: 1 }),
    text('phone', [M, 82, 296, 16], S.agentPhone, {
      size: 13,
      weight: 700,
      fill: '$color.primary',
      role: 'agent-phone',
      binding: 'agent.phone',
      page: 1,
    }),
    text('email', [M, 100, 296, 14], S.agentEmail, { size: 11, role: 'agent-email', binding: 'agent.email', page: 1 }),
    disclaimer('disclaimer', [M, 124, 248, 40], { size: 8, lineHeight: 1.16, page: 1 }),
    eho('eho', [284, 128, 32, 32], { page: 1 }),
    rect('backBar', [-B, 176, W + 2 * B, H + B - 176], '$color.primary', { page: 1 }),
  ],
});
