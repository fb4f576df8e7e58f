/** Asks the server before any download: brokerage policy may require approval before export (409 approval_required). */
import { ApiError } from '../../../api.js';
import { download, fileSlug } from '../../../editor/engine/export.js';
import { workflowApi, type ExportFormat } from '../api.js';

export type { ExportFormat };

export type ExportCheck = { allowed: true } | { allowed: false; code: string; message: string };

export async function checkExport(designId: string, format: ExportFormat): Promise<ExportCheck> {
  try {
    await workflowApi.checkExport(designId, format);
    return { allowed: true };
  } catch (err) {
    // Fail closed: a download only starts once the server said yes.
    if (err instanceof ApiError) return { allowed: false, code: err.code, message: err.message };
    return { allowed: false, code: 'error', message: err instanceof Error ? err.message : 'Could not check the export policy' };
  }
}

/** The server-rendered HTML email signature, saved as a file (call `checkExport(id, 'html')` first). */
export async function downloadEmailSignatureHtml(designId: string, title: string): Promise<void> {
  const res = await fetch(`/api/designs/${encodeURIComponent(designId)}/export/email-signature.html`, {
    credentials: 'same-origin',
    headers: { 'X-Requested-With': 'fetch' },
  });
  if (!res.ok) throw new Error(`HTML export failed (${res.status})`);
  download(await res.blob(), `${fileSlug(title)}.html`);
}

/**
 * Copies the HTML email signature to the clipboard as rich text (with a plain
 * HTML fallback), ready to paste into a mail client's signature settings.
 */
export async function copyEmailSignatureHtml(designId: string): Promise<void> {
  const res = await fetch(`/api/designs/${encodeURIComponent(designId)}/export/email-signature.html`, {
    credentials: 'same-origin',
    headers: { 'X-Requested-With': 'fetch' },
  });
  if (!res.ok) throw new Error(`HTML export failed (${res.status})`);
  const html = await res.text();
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([html], { type: 'text/plain' }) }),
    ]);
  } else {
    await navigator.clipboard.writeText(html);
  }
}
