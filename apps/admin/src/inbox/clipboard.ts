/**
 * Puts both forms on the clipboard: the SANDI Comm Log takes the HTML (keeping its formatting),
 * plain-text fields take the text. Browsers without ClipboardItem get the text only.
 */
export async function writeRichClipboard(plain: string, html: string): Promise<void> {
  const clipboard = navigator.clipboard;
  if (!clipboard) throw new Error('This browser does not allow copying here. Use a current Chrome, Edge, Firefox or Safari.');
  if (typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
    try {
      await clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([plain], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
      return;
    } catch {
      // Some browsers refuse text/html; the plain text is still worth having.
    }
  }
  await clipboard.writeText(plain);
}
