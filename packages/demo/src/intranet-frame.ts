import { escapeHtml } from '@advocacy/server';

/**
 * The `<head>` of the demo's intranet-styled pages (the intranet, the console,
 * the estimated reach's method): not indexed, the kit's theme and the demo's
 * styles, and the page's own module script when it has one (with the nonce of
 * the page's strict CSP).
 */
export function intranetHead(title: string, script?: { src: string; nonce: string }): string {
  const scriptTag = script ? `\n<script type="module" nonce="${script.nonce}" src="${escapeHtml(script.src)}"></script>` : '';
  return `<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="/demo/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/themes/auto.css">
<link rel="stylesheet" href="/demo/demo.css">${scriptTag}
</head>`;
}

/**
 * The footer of those pages: the demo's note and links to the other demo
 * pages, in the page's language (`?lang=fr` kept on French pages).
 */
export function intranetFooter(lang: 'en' | 'fr', note: string, links: readonly { path: string; label: string }[]): string {
  const suffix = lang === 'fr' ? '?lang=fr' : '';
  const items = links.map((link) => `<li><a href="${escapeHtml(link.path === '/' ? '/' : link.path + suffix)}">${escapeHtml(link.label)}</a></li>`).join('');
  return `<footer class="page-footer">
  <p>${escapeHtml(note)}</p>
  <ul>${items}</ul>
</footer>`;
}
