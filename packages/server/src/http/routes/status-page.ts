import type { FastifyPluginAsync } from 'fastify';
import { statusPageScript } from '../../page/page-script.js';
import { statusPageCss, statusPageHtml } from '../../page/page-shell.js';

/**
 * Only this server's own script and styles, fetches to itself, no inline code, no framing: the page holds a token.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** GET / and its two assets: the status page. No data in them: the page asks /v1 with the token it is given. */
export const statusPageRoutes: FastifyPluginAsync = async (app) => {
  const assets = [
    { url: '/', type: 'text/html; charset=utf-8', body: statusPageHtml() },
    { url: '/assets/status-page.js', type: 'text/javascript; charset=utf-8', body: statusPageScript() },
    { url: '/assets/status-page.css', type: 'text/css; charset=utf-8', body: statusPageCss() },
  ];
  for (const asset of assets) {
    app.get(asset.url, { schema: { hide: true } }, async (_request, reply) =>
      reply
        .header('content-security-policy', contentSecurityPolicy)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', 'no-cache')
        .type(asset.type)
        .send(asset.body),
    );
  }
};
