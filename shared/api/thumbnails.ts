/** A design's shared thumbnail (routes/thumbnails.ts). */
import { z } from 'zod';
import { CacheKey, endpoint, idParam } from './contract.js';

export const thumbnailsApi = {
  /**
   * Its first page as PNG, drawn by the server, revalidated with an ETag (304): an image, so no
   * response schema. `v` (the design's `updatedAt`) only makes a new address when it changed.
   */
  png: endpoint({
    method: 'GET',
    path: '/api/designs/:id/thumbnail.png',
    params: z.object({ id: idParam('design') }),
    query: CacheKey,
  }),
};
