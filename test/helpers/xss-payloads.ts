// Text a hostile author or a compromised API could put in any field. Widgets
// must render each one as plain text (or, for URLs, render no link or image)
// and execute nothing: tests set `window.__xss` sentinels and check them.

/** For text fields: quote, name, role, title, summary, suggested text. */
export const XSS_TEXT_PAYLOADS: readonly string[] = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"></svg>',
  '"><img src=x onerror=window.__xss=4>',
  "'><iframe srcdoc=\"<script>parent.__xss=5</script>\"></iframe>",
  '<a href="javascript:window.__xss=6">click</a>',
  '{{constructor.constructor("window.__xss=7")()}}',
  '${window.__xss = 8}',
  '<style>:host{display:none}</style>',
  '<details open ontoggle="window.__xss=9">',
  '\u202Eevil\u202C <b>bold</b> &lt;escaped&gt; &amp;',
];

/** For URL fields: photo, link, image. None of them may become an href or src. */
export const XSS_URL_PAYLOADS: readonly string[] = [
  'javascript:window.__xss=10',
  'JaVaScRiPt:window.__xss=11',
  '  javascript:window.__xss=12',
  'java\tscript:window.__xss=13',
  'data:text/html,<script>window.__xss=14</script>',
  'data:image/svg+xml,<svg onload="window.__xss=15"/>',
  'vbscript:msgbox(1)',
  '//evil.example/x.png',
  'http://evil.example/x.png',
  'https://user:pass@evil.example/x.png',
];

/** Whether any payload ran. */
export function xssRan(): boolean {
  return (window as unknown as { __xss?: unknown }).__xss !== undefined;
}
