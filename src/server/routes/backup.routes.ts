import { Hono } from 'hono';
import { validationError } from '../../core/errors.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export-formats.js';
import { IMPORT_BODY_MAX } from '../../core/limits.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody } from '../request.js';

/** `/export` (JSON backup, Markdown, CSV) and `/import` (restore a JSON backup in one transaction). */
export function backupRoutes(services: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/export', async (c) => {
      const format = c.req.query('format') ?? 'json';
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
        throw validationError('format', `must be one of: ${EXPORT_FORMATS.join(', ')}`);
      }
      const file = await services.backup.export(actorOf(c), format as ExportFormat);
      return c.body(file.body, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
      });
    })
    .post('/import', async (c) =>
      c.json(
        await services.backup.import(actorOf(c), await jsonBody(c, IMPORT_BODY_MAX), {
          dryRun: c.req.query('dryRun') === 'true',
        }),
      ),
    );
}
