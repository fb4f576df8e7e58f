import { SAMPLE as S, brokerage, disclaimer, eho, image, logo, rect, template, text } from '../dsl.js';

// 6×4 in (576×384) with 12 px bleed; content 24 px in from the trim.
// Photo runs off three edges, a primary band carries the property, and a
// white strip holds logo, agent and brand marks.
const W = 576;
const H = 384;
const B = 12;
const M = 24;

export default template({
  id: 'postcard',
  title: 'Just listed postcard',
  kind: 'postcard',
  description: '6×4 in mailer front: full-bleed photo, property band, agent and brand strip.',
  tags: ['print', 'mailer', 'postcard', 'just listed'],
  width: W,
  height: H,
  bleed: B,
  objects: [
    image('hero', [-B, -B, W + 2 * B, 232], '', { role: 'photo', binding: 'listing.photo.0', name: 'Hero photo' }),
    rect('tagBg', [M, M, 148, 30], '$color.accent'),
    text('tag', [M, M + 7, 148, 16], 'JUST LISTED', { size: 13, weight: 700, fill: '$on.accent', align: 'center', role: 'headline' }),
    rect('band', [-B, 220, W + 2 * B, 72], '$color.primary'),
    text('addr1', [M, 232, 340, 26], S.line1, {
      font: 'heading',
      size: 20,
      weight: 700,
      fill: '$on.primary',
      role: 'address',
      binding: 'listing.address.line1',
    }),
    text('addr2', [M, 262, 340, 16], S.line2, { size: 12, fill: '$color.light', role: 'address', binding: 'listing.address.line2' }),
    text('price', [364, 230, 188, 36], S.price, {
      font: 'heading',
      size: 28,
      weight: 700,
      fill: '$on.primary',
      align: 'right',
      role: 'price',
      binding: 'listing.ListPrice',
    }),
    text('facts', [352, 266, 200, 16], S.facts, {
      size: 12,
      fill: '$color.light',
      align: 'right',
      role: 'facts',
      binding: 'listing.facts',
    }),
    rect('accent', [-B, 292, W + 2 * B, 4], '$color.accent'),
    logo('logo', [M, 306, 120, 40]),
    text('agentName', [168, 304, 184, 22], S.agentName, {
      font: 'heading',
      size: 18,
      weight: 700,
      fill: '$color.primary',
      role: 'agent-name',
      binding: 'agent.name',
    }),
    text('phone', [168, 328, 184, 16], S.agentPhone, { size: 12, role: 'agent-phone', binding: 'agent.phone' }),
    brokerage('brokerage', [368, 304, 140, 28], { size: 11, fill: '$color.primary', align: 'right' }),
    eho('eho', [520, 304, 32, 32]),
    disclaimer('disclaimer', [M, 350, W - 2 * M, 20], { size: 8, lineHeight: 1.16 }),
  ],
});
