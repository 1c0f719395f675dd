// `npx vite examples/react`: serves this example and forwards /v1 to the
// advocacy API (`npm start`, port 8787; ADV_API_URL to use another). Through
// the forwarder the page and the API share one origin, so no CORS setup is
// needed; the API sees its own origin, which the demo organisation allows.
import { defineConfig, defaultClientConditions } from 'vite';

const api = new URL(process.env['ADV_API_URL'] ?? 'http://127.0.0.1:8787');

export default defineConfig({
  root: import.meta.dirname,
  // The workspace packages from their TypeScript sources: no build needed first.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // nanostores reads process.env.NODE_ENV, which browsers do not have.
  define: { 'process.env.NODE_ENV': JSON.stringify(process.env['NODE_ENV'] === 'production' ? 'production' : 'development') },
  server: {
    proxy: {
      '/v1': {
        target: api.origin,
        changeOrigin: true,
        configure: (proxy) => {
          proxy.on('proxyReq', (request) => {
            if (request.getHeader('origin')) request.setHeader('origin', api.origin);
          });
        },
      },
    },
  },
});
