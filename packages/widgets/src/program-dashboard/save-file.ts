/**
 * Hands `text` to the browser as a download named `name`: a Blob behind an
 * object URL, clicked through a temporary `<a download>` placed in `parent`
 * (a shadow root keeps it out of the page's DOM). The URL is revoked once the
 * click has started the download (the browser holds the Blob from then on).
 */
export function saveFile(parent: ParentNode, name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  parent.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
