export { loadBundledFonts } from './fonts.js';
export { imageLoader, rasterizeSvg, readImageSource, sniffImage, toLoadedImage, type ImageSourceDeps } from './images.js';
