import { SAMPLE as S, brokerage, disclaimer, eho, hline, image, label, logo, rect, template, text } from '../dsl.js';

// US Letter, 0.5 in margins (48 px), 12 px bleed. Header, full-width hero,
// a primary band with address and price, a facts strip, then description
// beside the agent card and a locked brand footer.
const W = 816;
const H = 1056;
const M = 48;
const B = 12;

export default template({
  id: 'listing-flyer',
  title: 'Listing flyer',
  kind: 'flyer',
  description: 'Classic one-page property flyer: hero photo, price and address band, facts, description and agent card.',
  tags: ['listing', 'print', 'letter'],
  width: W,
  height: H,
  bleed: B,
  objects: [
    text('status', [528, 44, 240, 24], 'FOR SALE', {
      font: 'heading',
      size: 18,
      weight: 700,
      fill: '$color.primary',
      align: 'right',
      role: 'headline',
      binding: 'listing.statusLabel',
    }),
    logo('logo', [M, 26, 156, 52]),
    image('hero', [-B, 104, W + 2 * B, 456], '', { role: 'photo', binding: 'listing.photo.0', name: 'Hero photo' }),
    rect('band', [-B, 560, W + 2 * B, 124], '$color.primary'),
    rect('accent', [-B, 684, W + 2 * B, 6], '$color.accent'),
    text('addr1', [M, 584, 440, 36], S.line1, {
      font: 'heading',
      size: 28,
      weight: 700,
      fill: '$on.primary',
      role: 'address',
      binding: 'listing.address.line1',
    }),
    text('addr2', [M, 626, 440, 24], S.line2, { size: 17, fill: '$color.light', role: 'address', binding: 'listing.address.line2' }),
    label('priceLbl', [528, 588, 240, 18], 'OFFERED AT', { fill: '$color.light', align: 'right' }),
    text('price', [488, 608, 280, 48], S.price, {
      font: 'heading',
      size: 40,
      weight: 700,
      fill: '$on.primary',
      align: 'right',
      role: 'price',
      binding: 'listing.ListPrice',
    }),
    rect('strip', [-B, 690, W + 2 * B, 56], '$color.light'),
    text('facts', [M, 704, 720, 28], S.facts, {
      font: 'heading',
      size: 20,
      weight: 600,
      fill: '$color.primary',
      role: 'facts',
      binding: 'listing.facts',
    }),
    label('aboutLbl', [M, 776, 440, 18], 'ABOUT THIS HOME'),
    text('desc', [M, 802, 440, 124], S.remarks, { size: 13, lineHeight: 1.45, role: 'description', binding: 'listing.PublicRemarks' }),
    label('agentLbl', [520, 776, 248, 18], 'PRESENTED BY'),
    image('agentPhoto', [520, 802, 80, 80], '', { role: 'agent-photo', binding: 'agent.photo', name: 'Agent photo' }),
    text('agentName', [614, 810, 154, 24], S.agentName, {
      font: 'heading',
      size: 18,
      weight: 700,
      fill: '$color.primary',
      role: 'agent-name',
      binding: 'agent.name',
    }),
    text('license', [614, 840, 154, 18], S.agentLicense, { size: 11, role: 'license-number', binding: 'agent.license' }),
    text('phone', [520, 894, 248, 18], S.agentPhone, {
      size: 14,
      weight: 600,
      fill: '$color.primary',
      role: 'agent-phone',
      binding: 'agent.phone',
    }),
    text('email', [520, 914, 248, 18], S.agentEmail, { size: 13, role: 'agent-email', binding: 'agent.email' }),
    hline('rule', M, 948, W - 2 * M, '$color.light', 2),
    brokerage('brokerage', [M, 960, 300, 20], { size: 14, fill: '$color.primary' }),
    text('officeAddress', [364, 962, 340, 16], S.officeAddress, {
      size: 12,
      role: 'office-address',
      binding: 'office.address',
      name: 'Office address',
    }),
    disclaimer('disclaimer', [M, 988, 620, 44]),
    eho('eho', [W - M - 48, 962, 48, 48]),
  ],
});
