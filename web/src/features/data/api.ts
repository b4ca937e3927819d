import type { ImportSummary } from '../../../../src/core/backup.js';
import { BASE, request } from '../../shared/api/client.js';

export const dataApi = {
  /** Sends a backup file's text as is, so the server checks exactly what the user picked. */
  importBackup(fileText: string) {
    return request<ImportSummary>('POST', '/import', fileText);
  },
  exportUrl(format: 'json' | 'md' | 'csv') {
    return `${BASE}/export?format=${format}`;
  },
};
