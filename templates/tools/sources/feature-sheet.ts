import { SAMPLE as S, hline, image, label, letterFooter, logo, rect, template, text } from '../dsl.js';

// Two Letter pages. Page 1: cover with hero, title block, facts strip and
// overview. Page 2: photo pair, interior/exterior features, a wide photo
// and the agent card. Both pages carry the locked brand footer.
const W = 816;
const M = 48;
const B = 12;

const INTERIOR = [
  '• Open kitchen with quartz counters',
  '• Vaulted living room with fireplace',
  '• Primary suite with spa bath',
  '• Walk-in pantry and laundry room',
].join('\n');
const EXTERIOR = [
  '• Covered patio and fenced backyard',
  '• Two-car garage with storage',
  '• Mature oaks on a quarter-acre lot',
  '• Minutes to schools and parks',
].join('\n');

const p1 = { page: 1 };

export default template({
  id: 'feature-sheet',
  title: 'Feature sheet',
  kind: 'feature-sheet',
  description: 'Two-page property feature sheet: cover with overview, then photos, features and agent.',
  tags: ['listing', 'print', 'letter', 'two pages'],
  width: W,
  height: 1056,
  bleed: B,
  pages: 2,
  objects: [
    // Page 1 (index 0)
    image('hero', [-B, -B, W + 2 * B, 588], '', { role: 'photo', binding: 'listing.photo.0', name: 'Hero photo', page: 0 }),
    rect('plate', [36, 36, 180, 76], '#ffffff', { page: 0 }),
    logo('logo', [48, 48, 156, 52], { page: 0 }),
    label('status', [M, 600, 440, 18], 'FOR SALE', { page: 0, binding: 'listing.statusLabel' }),
    text('addr1', [M, 622, 440, 40], S.line1, {
      font: 'heading',
      size: 32,
      weight: 700,
      fill: '$color.primary',
      role: 'address',
      binding: 'listing.address.line1',
      page: 0,
    }),
    text('addr2', [M, 668, 440, 24], S.line2, { size: 18, role: 'address', binding: 'listing.address.line2', page: 0 }),
    label('priceLbl', [488, 600, 280, 18], 'LIST PRICE', { align: 'right', page: 0 }),
    text('price', [488, 620, 280, 46], S.price, {
      font: 'heading',
      size: 38,
      weight: 700,
      fill: '$color.primary',
      align: 'right',
      role: 'price',
      binding: 'listing.ListPrice',
      page: 0,
    }),
    rect('strip', [-B, 712, W + 2 * B, 60], '$color.primary', { page: 0 }),
    rect('stripBar', [-B, 772, W + 2 * B, 5], '$color.accent', { page: 0 }),
    text('facts', [M, 727, 720, 30], S.facts, {
      font: 'heading',
      size: 22,
      weight: 600,
      fill: '$on.primary',
      align: 'center',
      role: 'facts',
      binding: 'listing.facts',
      page: 0,
    }),
    label('overviewLbl', [M, 800, 720, 18], 'OVERVIEW', { page: 0 }),
    text('desc', [M, 824, 720, 108], S.remarks, {
      size: 14,
      lineHeight: 1.5,
      role: 'description',
      binding: 'listing.PublicRemarks',
      page: 0,
    }),
    ...letterFooter('', 0),
    // Page 2 (index 1)
    logo('logo2', [M, 36, 156, 52], p1),
    text('addr1b', [300, 46, 468, 30], S.line1, {
      font: 'heading',
      size: 22,
      weight: 700,
      fill: '$color.primary',
      align: 'right',
      role: 'address',
      binding: 'listing.address.line1',
      page: 1,
    }),
    hline('topRule', M, 108, 720, '$color.accent', 3, p1),
    image('photo1', [M, 128, 354, 260], '', { role: 'photo', binding: 'listing.photo.1', name: 'Photo 2', page: 1 }),
    image('photo2', [414, 128, 354, 260], '', { role: 'photo', binding: 'listing.photo.2', name: 'Photo 3', page: 1 }),
    label('intLbl', [M, 412, 354, 18], 'INTERIOR', p1),
    hline('intRule', M, 436, 354, '$color.light', 2, p1),
    text('interior', [M, 446, 354, 100], INTERIOR, { size: 14, lineHeight: 1.6, page: 1, name: 'Interior features' }),
    label('extLbl', [414, 412, 354, 18], 'EXTERIOR', p1),
    hline('extRule', 414, 436, 354, '$color.light', 2, p1),
    text('exterior', [414, 446, 354, 100], EXTERIOR, { size: 14, lineHeight: 1.6, page: 1, name: 'Exterior features' }),
    image('photo3', [M, 568, 720, 236], '', { role: 'photo', binding: 'listing.photo.3', name: 'Photo 4', page: 1 }),
    rect('agentBg', [M, 824, 720, 104], '$color.light', p1),
    image('agentPhoto', [64, 838, 76, 76], '', { role: 'agent-photo', binding: 'agent.photo', name: 'Agent photo', page: 1 }),
    text('agentName', [156, 846, 290, 26], S.agentName, {
      font: 'heading',
      size: 22,
      weight: 700,
      fill: '$color.primary',
      role: 'agent-name',
      binding: 'agent.name',
      page: 1,
    }),
    text('license', [156, 878, 290, 16], S.agentLicense, { size: 12, role: 'license-number', binding: 'agent.license', page: 1 }),
    text('phone', [448, 848, 304, 24], S.agentPhone, {
      size: 18,
      weight: 700,
      fill: '$color.primary',
      align: 'right',
      role: 'agent-phone',
      binding: 'agent.phone',
      page: 1,
    }),
    text('email', [448, 878, 304, 20], S.agentEmail, { size: 14, align: 'right', role: 'agent-email', binding: 'agent.email', page: 1 }),
    ...letterFooter('2', 1),
  ],
});
