import { SAMPLE as S, brokerage, disclaimer, eho, hline, image, label, logo, rect, template, text } from '../dsl.js';

// 1080 square on a primary ground: an inset photo, a big centred
// "JUST SOLD", the address, and the same white brand footer as Just listed.
const W = 1080;
const M = 64;

export default template({
  id: 'just-sold-post',
  title: 'Just sold post',
  kind: 'social-post',
  description: 'Square social post celebrating a sale: framed photo, bold centred headline, address and agent.',
  tags: ['social', 'instagram', 'facebook', 'just sold'],
  width: W,
  height: W,
  background: '$color.primary',
  objects: [
    image('photo', [M, M, W - 2 * M, 520], '', { role: 'photo', binding: 'listing.photo.0', name: 'Photo' }),
    rect('factsBg', [320, 552, 440, 60], '$color.accent'),
    text('facts', [320, 567, 440, 30], S.facts, {
      size: 24,
      weight: 700,
      fill: '$on.accent',
      align: 'center',
      role: 'facts',
      binding: 'listing.facts',
    }),
    text('headline', [M, 636, W - 2 * M, 94], 'JUST SOLD', {
      font: 'heading',
      size: 80,
      weight: 800,
      fill: '$on.primary',
      align: 'center',
      role: 'headline',
    }),
    hline('bar', 500, 744, 80, '$color.accent', 4),
    text('addr1', [M, 762, W - 2 * M, 46], S.line1, {
      font: 'heading',
      size: 36,
      weight: 700,
      fill: '$on.primary',
      align: 'center',
      role: 'address',
      binding: 'listing.address.line1',
    }),
    text('addr2', [M, 812, W - 2 * M, 30], S.line2, {
      size: 22,
      fill: '$color.light',
      align: 'center',
      role: 'address',
      binding: 'listing.address.line2',
    }),
    label('thanks', [M, 856, W - 2 * M, 26], 'THANK YOU TO OUR WONDERFUL CLIENTS', { size: 18, fill: '$color.light', align: 'center' }),
    rect('footer', [0, 920, W, 160], '#ffffff'),
    logo('logo', [M, 964, 180, 60]),
    text('agentName', [276, 962, 330, 30], S.agentName, {
      font: 'heading',
      size: 24,
      weight: 700,
      fill: '$color.primary',
      role: 'agent-name',
      binding: 'agent.name',
    }),
    text('phone', [276, 996, 330, 26], S.agentPhone, { size: 20, role: 'agent-phone', binding: 'agent.phone' }),
    brokerage('brokerage', [612, 960, 328, 20], { size: 14, fill: '$color.primary', align: 'right' }),
    disclaimer('disclaimer', [612, 984, 328, 68], { size: 11, align: 'right' }),
    eho('eho', [960, 962, 56, 56]),
  ],
});
