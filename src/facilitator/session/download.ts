/**
 * Browser download of a text file (session export). DOM only; the content comes from ./exporters.ts.
 */

/**
 * Saves `text` as a file. CSV gets a byte-order mark so spreadsheet programs read names with accents
 * correctly. Returns false when the browser refused (the caller can then offer the text to copy).
 */
export function download(filename: string, text: string, mime: string): boolean {
  try {
    const body = mime.startsWith('text/csv') && !text.startsWith('\uFEFF') ? `\uFEFF${text}` : text;
    const blob = new Blob([body], { type: `${mime};charset=utf-8` });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    // Give the browser time to start reading the blob before it is released.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
}
