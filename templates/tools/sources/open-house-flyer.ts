import { SAMPLE as S, hline, image, label, letterFooter, logo, rect, template, text } from '../dsl.js';

// Letter. The date and time are the message: a centred primary card laps
// over the hero photo, the property line is centred under it, agent row, footer.
const W = 816;
const M = 48;
const B = 12;

export default template({
  id: 'open-house-flyer',
  title: 'Open house flyer',
  kind: 'open-house',
  description: 'Letter-size open house announcement with the date and time front and centre.',
  tags: ['open house', 'print', 'letter'],
  width: W,
  height: 1056,
  bleed: B,
  objects: [
    logo('logo', [M, 26, 156, 52]),
    label('tagline', [468, 44, 300, 18], 'YOU ARE INVITED', { align: 'right', size: 13 }),
    image('hero', [-B, 104, W + 2 * B, 400], '', { role: 'photo', binding: 'listing.photo.0', name: 'Hero photo' }),
    rect('card', [96, 440, 624, 176], '$color.primary'),
    rect('cardBar', [96, 440, 624, 6], '$color.accent'),
    text('headline', [120, 468, 576, 54], 'OPEN HOUSE', {
      font: 'heading',
      size: 46,
      weight: 800,
      fill: '$on.primary',
      align: 'center',
      role: 'headline',
    }),
    hline('cardRule', 376, 536, 64, '$color.accent', 3),
    text('when', [120, 554, 576, 32], S.openHouse, {
      font: 'heading',
      size: 24,
      weight: 700,
      fill: '$on.primary',
      align: 'center',
      binding: 'listing.OpenHouse',
      name: 'Open house date and time',
    }),
    text('addr1', [M, 646, 720, 38], S.line1, {
      font: 'heading',
      size: 30,
      weight: 700,
      fill: '$color.primary',
      align: 'center',
      role: 'address',
      binding: 'listing.address.line1',
    }),
    text('addr2', [M, 690, 720, 22], S.line2, { size: 17, align: 'center', role: 'address', binding: 'listing.address.line2' }),
    text('price', [M, 726, 720, 44], S.price, {
      font: 'heading',
      size: 36,
      weight: 700,
      fill: '$color.primary',
      align: 'center',
      role: 'price',
      binding: 'listing.ListPrice',
    }),
    text('facts', [M, 776, 720, 22], S.facts, { size: 16, weight: 600, align: 'center', role: 'facts', binding: 'listing.facts' }),
    rect('agentBg', [M, 824, 720, 104], '$color.light'),
    image('agentPhoto', [64, 840, 72, 72], '', { role: 'agent-photo', binding: 'agent.photo', name: 'Agent photo' }),
    label('hostLbl', [152, 844, 280, 16], 'HOSTED BY'),
    text('agentName', [152, 862, 280, 26], S.agentName, {
      font: 'heading',
      size: 20,
      weight: 700,
      fill: '$color.primary',
      role: 'agent-name',
      binding: 'agent.name',
    }),
    text('license', [152, 892, 280, 16], S.agentLicense, { size: 12, role: 'license-number', binding: 'agent.license' }),
    text('phone', [448, 852, 304, 24], S.agentPhone, {
      size: 18,
      weight: 700,
      fill: '$color.primary',
      align: 'right',
      role: 'agent-phone',
      binding: 'agent.phone',
    }),
    text('email', [448, 882, 304, 20], S.agentEmail, { size: 14, align: 'right', role: 'agent-email', binding: 'agent.email' }),
    ...letterFooter(),
  ],
});
