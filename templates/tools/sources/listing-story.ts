import { SAMPLE as S, brokerage, disclaimer, eho, hline, image, label, logo, rect, template, text } from '../dsl.js';

// 1080×1920 story. Key content stays clear of the top ~220 px and bottom
// ~200 px that story apps cover with their own controls.
const W = 1080;
const M = 80;

export default template({
  id: 'listing-story',
  title: 'Listing story',
  kind: 'story',
  description: 'Vertical story for Instagram and Facebook: full-width photo, bold price, address and agent.',
  tags: ['social', 'story', 'instagram', 'vertical'],
  width: W,
  height: 1920,
  objects: [
    image('hero', [0, 0, W, 1000], '', { role: 'photo', binding: 'listing.photo.0', name: 'Hero photo' }),
    rect('tagBg', [M, 240, 400, 96], '$color.accent'),
    text('tag', [M, 262, 400, 54], 'NEW LISTING', {
      font: 'heading',
      size: 44,
      weight: 800,
      fill: '$on.accent',
      align: 'center',
      role: 'headline',
    }),
    rect('panel', [0, 1000, W, 520], '$color.primary'),
    label('priceLbl', [M, 1052, 600, 28], 'OFFERED AT', { size: 22, fill: '$color.light' }),
    text('price', [M, 1086, 920, 112], S.price, {
      font: 'heading',
      size: 92,
      weight: 800,
      fill: '$on.primary',
      role: 'price',
      binding: 'listing.ListPrice',
    }),
    hline('bar', M, 1228, 96, '$color.accent', 6),
    text('addr1', [M, 1256, 920, 60], S.line1, {
      font: 'heading',
      size: 48,
      weight: 700,
      fill: '$on.primary',
      role: 'address',
      binding: 'listing.address.line1',
    }),
    text('addr2', [M, 1322, 920, 40], S.line2, { size: 32, fill: '$color.light', role: 'address', binding: 'listing.address.line2' }),
    text('facts', [M, 1390, 920, 44], S.facts, { size: 34, weight: 600, fill: '$on.primary', role: 'facts', binding: 'listing.facts' }),
    logo('logo', [M, 1556, 240, 80]),
    text('agentName', [520, 1552, 480, 42], S.agentName, {
      font: 'heading',
      size: 34,
      weight: 700,
      fill: '$color.primary',
      align: 'right',
      role: 'agent-name',
      binding: 'agent.name',
    }),
    text('phone', [520, 1600, 480, 34], S.agentPhone, { size: 28, align: 'right', role: 'agent-phone', binding: 'agent.phone' }),
    hline('rule', M, 1662, W - 2 * M, '$color.light', 2),
    brokerage('brokerage', [M, 1680, 800, 30], { size: 22, fill: '$color.primary' }),
    disclaimer('disclaimer', [M, 1716, 800, 84], { size: 16 }),
    eho('eho', [936, 1680, 64, 64]),
  ],
});
