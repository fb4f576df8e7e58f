/**
 * `npm run dev`: the API server (restarted by tsx watch on server changes) plus
 * Vite's dev server with hot reload for the client, proxying /api, /collab and
 * /socket.io to the API server (see vite.config.ts).
 */
import { createServer } from 'vite';

const vite = await createServer({
  configFile: 'vite.config.ts',
  server: { port: Number(process.env.VITE_PORT ?? 5173), strictPort: true },
});
await vite.listen();
console.log(
  `\n  Client with hot reload: ${vite.resolvedUrls?.local[0] ?? 'http://localhost:5173/'}  (API on port ${process.env.PORT ?? 3000})`,
);
await import('./main.js');
