export { ThumbnailService, THUMBNAIL_WIDTH, type StoredThumbnail } from './service.js';
