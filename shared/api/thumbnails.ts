/** A design's shared thumbnail (routes/thumbnails.ts). */
import { z } from 'zod';
import { endpoint, idParam } from './contract.js';

export const thumbnailsApi = {
  /** Its first page as PNG, drawn by the server, revalidated with an ETag (304): an image, so no response schema. */
  png: endpoint({ method: 'GET', path: '/api/designs/:id/thumbnail.png', params: z.object({ id: idParam('design') }) }),
};
