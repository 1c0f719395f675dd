/**
 * Saves `data` as a JSON file the browser downloads: a Blob, its object URL
 * and a temporary `<a download>` clicked once, inside `root` (so a page's
 * click listeners see it come from the widget). The URL is made here from
 * our own Blob, never from data, so it does not go through `safeUrl()`.
 */
export function downloadJson(root: ShadowRoot | HTMLElement, data: unknown, fileName: string): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  root.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked a little later: the browser reads the URL after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
