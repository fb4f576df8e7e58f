export { brokerageFonts, loadBundledFonts } from './fonts.js';
export { imageLoader, rasterizeSvg, readImageSource, rgbaToJpeg, toLoadedImage, type ImageSourceDeps } from './images.js';
export { designPng, designSvg, type DesignPicture } from './thumbnail.js';
export { PublicImages, PUBLIC_IMAGE_PATH } from './public-images.js';
