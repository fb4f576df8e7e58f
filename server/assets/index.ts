export { sniffImage, type ImageInfo } from './image-info.js';
