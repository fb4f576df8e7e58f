/** Uploaded images (routes/assets.ts): type checked by content, stored by a server-made id. */
import { z } from 'zod';
import { endpoint } from './contract.js';

export const AssetSchema = z.object({ id: z.string(), url: z.string(), width: z.number(), height: z.number(), mime: z.string() });
export type Asset = z.infer<typeof AssetSchema>;

const AssetParams = z.object({ id: z.string().uuid('not an asset id') });

export const assetsApi = {
  /**
   * One image as multipart/form-data in a field named "file" (no JSON body: the route reads the
   * stream itself, so there is no body schema; 413 when too large, 415 when not PNG, JPEG or WebP).
   */
  upload: endpoint({ method: 'POST', path: '/api/assets', response: AssetSchema, status: 201 }),
  /** The image's bytes (immutable, with an ETag; 304 when unchanged): a file, so no response schema. */
  get: endpoint({ method: 'GET', path: '/api/assets/:id', params: AssetParams }),
};
