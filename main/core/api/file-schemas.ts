/** Arguments of the file methods (models/contract/files.ts), checked where they enter the core. */
import { z } from 'zod';
import { MAX_IMPORT_UPLOAD_BYTES, REPORT_FORMATS } from '../../../models/contract/index.js';
import { LANGUAGES } from '../../../models/values.js';
import { JOB_ID } from './download-file.js';

/** Whole local days, the end inclusive, as `plustwin report --period` reads them; the core checks the dates. */
const reportPeriod = z.string().regex(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/, 'the period must be YYYY-MM-DD..YYYY-MM-DD');

export const fileArgSchemas = {
  'files.export': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('report'), format: z.enum(REPORT_FORMATS), period: reportPeriod, lang: z.enum(LANGUAGES) }).strict(),
    z.object({ kind: z.literal('district') }).strict(),
    z.object({ kind: z.literal('backup') }).strict(),
  ]),
  'files.import': z
    .object({
      fileName: z.string().min(1).max(500),
      // characters, not bytes: the UI checks the file's bytes before it sends them; this bounds what arrives
      text: z.string().min(1, 'the file is empty').max(MAX_IMPORT_UPLOAD_BYTES, `the file is larger than ${MAX_IMPORT_UPLOAD_BYTES >> 20} MB`),
      crs: z.string().min(1).max(50).optional(),
    })
    .strict(),
  'files.job': z.object({ id: z.string().regex(JOB_ID, 'not a job id') }).strict(),
};
