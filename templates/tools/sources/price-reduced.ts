import { SAMPLE as S, hline, image, label, letterFooter, logo, rect, template, text } from '../dsl.js';

// Letter. The new price is the headline: a primary banner under the logo,
// the photo, then new price beside the previous one, property line, agent.
const W = 816;
const M = 48;
const B = 12;

export default template({
  id: 'price-reduced',
  title: 'Price reduced flyer',
  kind: 'price-reduced',
  description: 'Letter-size price improvement flyer: banner headline, new and previous price, property and agent.',
  tags: ['listing', 'print', 'letter', 'price change'],
  width: W,
  height: 1056,
  bleed: B,
  objects: [
    logo('logo', [M, 26, 156, 52]),
    text('status', [468, 42, 300, 26], 'FOR SALE', { font: 'heading', size: 20, weight: 700, fill: '$color.primary', align: 'right', binding: 'listing.statusLabel' }),
    rect('banner', [-B, 104, W + 2 * B, 112], '$color.primary'),
    text('headline', [M, 126, 720, 66], 'PRICE REDUCED', { font: 'heading', size: 56, weight: 800, fill: '$on.primary', align: 'center', role: 'headline' }),
    rect('bannerBar', [-B, 216, W + 2 * B, 6], '$color.accent'),
    image('hero', [-B, 222, W + 2 * B, 400], '', { role: 'photo', binding: 'listing.photo.0', name: 'Hero photo' }),
    label('newLbl', [M, 646, 400, 18], 'NOW OFFERED AT'),
    text('price', [M, 666, 440, 68], S.price, { font: 'heading', size: 56, weight: 800, fill: '$color.primary', role: 'price', binding: 'listing.ListPrice' }),
    label('wasLbl', [528, 646, 240, 18], 'PREVIOUSLY', { align: 'right', fill: '$color.neutral' }),
    text('oldPrice', [528, 668, 240, 32], '$1,325,000', { font: 'heading', size: 26, weight: 600, align: 'right', binding: 'listing.PreviousListPrice', name: 'Previous price' }),
    hline('priceRule', M, 754, 720, '$color.light', 2),
    text('addr1', [M, 772, 480, 36], S.line1, { font: 'heading', size: 28, weight: 700, fill: '$color.primary', role: 'address', binding: 'listing.address.line1' }),
    text('addr2', [M, 812, 400, 22], S.line2, { size: 17, role: 'address', binding: 'listing.address.line2' }),
    text('facts', [448, 812, 320, 22], S.facts, { size: 17, weight: 600, fill: '$color.primary', align: 'right', role: 'facts', binding: 'listing.facts' }),
    rect('agentBg', [M, 852, 720, 80], '$color.light'),
    image('agentPhoto', [60, 860, 64, 64], '', { role: 'agent-photo', binding: 'agent.photo', name: 'Agent photo' }),
    text('agentName', [140, 864, 300, 26], S.agentName, { font: 'heading', size: 20, weight: 700, fill: '$color.primary', role: 'agent-name', binding: 'agent.name' }),
    text('license', [140, 894, 300, 16], S.agentLicense, { size: 12, role: 'license-number', binding: 'agent.license' }),
    text('phone', [448, 864, 304, 24], S.agentPhone, { size: 18, weight: 700, fill: '$color.primary', align: 'right', role: 'agent-phone', binding: 'agent.phone' }),
    text('email', [448, 892, 304, 20], S.agentEmail, { size: 14, align: 'right', role: 'agent-email', binding: 'agent.email' }),
    ...letterFooter(),
  ],
});
