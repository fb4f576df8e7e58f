import { SAMPLE as S, brokerage, disclaimer, eho, hline, image, logo, rect, template, text } from '../dsl.js';

// 600×200 email signature: photo, name block and logo on one row; brand
// line and disclosure below a hairline.
export default template({
  id: 'email-signature',
  title: 'Email signature',
  kind: 'email-signature',
  description: 'Agent email signature with photo, contact details, logo and the brokerage disclosure.',
  tags: ['email', 'signature', 'agent'],
  width: 600,
  height: 200,
  objects: [
    image('agentPhoto', [20, 20, 100, 100], '', { role: 'agent-photo', binding: 'agent.photo', name: 'Agent photo' }),
    rect('divider', [136, 20, 3, 100], '$color.accent'),
    text('agentName', [156, 20, 264, 26], S.agentName, {
      font: 'heading',
      size: 22,
      weight: 700,
      fill: '$color.primary',
      role: 'agent-name',
      binding: 'agent.name',
    }),
    text('license', [156, 48, 264, 16], S.agentLicense, { size: 12, role: 'license-number', binding: 'agent.license' }),
    text('phone', [156, 76, 264, 18], S.agentPhone, {
      size: 14,
      weight: 700,
      fill: '$color.primary',
      role: 'agent-phone',
      binding: 'agent.phone',
    }),
    text('email', [156, 98, 264, 18], S.agentEmail, { size: 13, role: 'agent-email', binding: 'agent.email' }),
    text('officeAddress', [156, 119, 264, 15], S.officeAddress, {
      size: 11,
      role: 'office-address',
      binding: 'office.address',
      name: 'Office address',
    }),
    logo('logo', [440, 36, 140, 46]),
    hline('rule', 20, 138, 560, '$color.light', 2),
    brokerage('brokerage', [20, 148, 500, 16], { size: 12, fill: '$color.primary' }),
    disclaimer('disclaimer', [20, 166, 500, 26], { size: 9, lineHeight: 1.2 }),
    eho('eho', [548, 150, 32, 32]),
  ],
});
