export { loadBundledFonts } from './fonts.js';
export { imageLoader, rasterizeSvg, readImageSource, sniffImage, toLoadedImage, type ImageSourceDeps } from './images.js';
export { designPng, designSvg, type DesignPicture } from './thumbnail.js';
