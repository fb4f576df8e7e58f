/**
 * The brand font files the renderer measures with, for the browser's copy of the layout: the same
 * bytes the server measures with, so both break lines alike. Public (fonts are not secrets) and
 * immutable per name.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BUNDLED_FONT_FILES } from '../../shared/render/index.js';
import { notFound } from '../errors.js';
import { projectPath } from '../paths.js';
import { parse } from '../validation.js';

const require = createRequire(projectPath('package.json'));
const Params = z.object({ file: z.string().regex(/^[a-z0-9-]{1,80}\.woff$/) });

export function registerFontRoutes(app: FastifyInstance): void {
  const byName = new Map(BUNDLED_FONT_FILES.map((f) => [f.path.split('/').pop()!, f.path]));
  app.get('/api/fonts/:file', async (req, reply) => {
    const { file } = parse(Params, req.params, 'file');
    const path = byName.get(file);
    if (!path) throw notFound('Font');
    const bytes = await readFile(require.resolve(path));
    return reply.type('font/woff').header('cache-control', 'public, max-age=31536000, immutable').send(bytes);
  });
}
