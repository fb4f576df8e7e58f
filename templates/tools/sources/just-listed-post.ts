import { SAMPLE as S, brokerage, disclaimer, eho, hline, image, label, logo, rect, template, text } from '../dsl.js';

// 1080 square. Photo on top with an accent tag, a primary panel with the
// property, and a white brand footer so logo and EHO mark sit on white.
const W = 1080;
const M = 64;

export default template({
  id: 'just-listed-post',
  title: 'Just listed post',
  kind: 'social-post',
  description: 'Square social post announcing a new listing: photo, tag, address, price and facts.',
  tags: ['social', 'instagram', 'facebook', 'just listed'],
  width: W,
  height: W,
  objects: [
    image('hero', [0, 0, W, 660], '', { role: 'photo', binding: 'listing.photo.0', name: 'Hero photo' }),
    rect('tagBg', [M, M, 336, 80], '$color.accent'),
    text('tag', [M, M + 16, 336, 48], 'JUST LISTED', {
      font: 'heading',
      size: 40,
      weight: 800,
      fill: '$on.accent',
      align: 'center',
      role: 'headline',
    }),
    rect('panel', [0, 660, W, 264], '$color.primary'),
    text('addr1', [M, 700, 620, 54], S.line1, {
      font: 'heading',
      size: 42,
      weight: 700,
      fill: '$on.primary',
      role: 'address',
      binding: 'listing.address.line1',
    }),
    text('addr2', [M, 760, 620, 32], S.line2, { size: 24, fill: '$color.light', role: 'address', binding: 'listing.address.line2' }),
    hline('bar', M, 820, 72, '$color.accent', 4),
    text('facts', [M, 842, 620, 32], S.facts, { size: 24, weight: 600, fill: '$on.primary', role: 'facts', binding: 'listing.facts' }),
    label('priceLbl', [700, 708, 316, 22], 'OFFERED AT', { size: 16, fill: '$color.light', align: 'right' }),
    text('price', [680, 736, 336, 64], S.price, {
      font: 'heading',
      size: 52,
      weight: 700,
      fill: '$on.primary',
      align: 'right',
      role: 'price',
      binding: 'listing.ListPrice',
    }),
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
