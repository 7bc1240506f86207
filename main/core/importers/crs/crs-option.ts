import { ImportError } from '../import-error.js';
import { SUPPORTED_CRS } from './crs.js';
import { type ResolvedSrs, resolveSrsName } from './srs-name.js';

/** The CRS a user named (--crs EPSG:25832, 25832, a URN), or an ImportError listing the supported ones. */
export function resolveCrsOption(file: string, crs: string): ResolvedSrs {
  const resolved = resolveSrsName(crs);
  if (!resolved) throw new ImportError(file, `unknown CRS '${crs}' (supported: ${SUPPORTED_CRS.join(', ')})`);
  return resolved;
}
