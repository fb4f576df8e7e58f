/** Asks the server before any download: brokerage policy may require approval before export (409 approval_required). */
import { ApiError } from '../../api.js';
import { workflowApi } from '../api.js';

export type ExportFormat = 'png' | 'pdf' | 'html' | 'zip';

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
