import type { FastifyPluginAsync } from 'fastify';
import { escapeHtml } from '../http/html.js';

export interface StartLink {
  href: string;
  label: string;
  description: string;
}

/** `GET /`: a page linking to everything this server offers. */
export const startPageRoutes: FastifyPluginAsync<{ links: StartLink[]; notes: string[]; version: string }> = async (app, options) => {
  const html = renderStartPage(options.links, options.notes, options.version);
  app.get('/', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
      .send(html),
  );
};

/** `code` spans in a note: text between backticks, escaped like the rest. */
const renderNote = (note: string): string =>
  `<p>${note
    .split('`')
    .map((part, index) => (index % 2 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('')}</p>`;

function renderStartPage(links: StartLink[], notes: string[], version: string): string {
  const items = links
    .map(
      (link) =>
        `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a><span>${escapeHtml(link.description)}</span></li>`,
    )
    .join('\n      ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Advocacy Kit</title>
    <style>
      :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
      body { max-width: 42rem; margin: 3rem auto; padding: 0 1rem; }
      ul { list-style: none; padding: 0; display: grid; gap: .75rem; }
      li { display: grid; gap: .125rem; }
      a { font-weight: 600; font-size: 1.125rem; }
      span, footer { opacity: .8; }
    </style>
  </head>
  <body>
    <main>
      <h1>Advocacy Kit</h1>
      <p>Employees share company content on their own networks, see whose shares bring readers, and tell their story on the career site.</p>
      <ul>
      ${items}
      </ul>
      ${notes.map(renderNote).join('\n      ')}
    </main>
    <footer>Server version ${escapeHtml(version)}</footer>
  </body>
</html>
`;
}
