/**
 * Files in and out of the UI: report, district and backup exports and the building import run as jobs in the core,
 * so the UI can show their progress whatever the transport. A finished export is fetched from DOWNLOAD_PATH/<id>
 * (serve mode: an HTTP GET behind the same access checks as the API; the desktop app: its own page protocol).
 */
import type { ApiError } from '../result.js';
import type { Language } from '../values.js';
import type { ImportWarning } from '../import-warning-codes.js';

/** GET DOWNLOAD_PATH/<job id> answers the job's file as an attachment. */
export const DOWNLOAD_PATH = '/api/download';

/** A building file sent as text through the API: 8 MB is a few thousand GeoJSON footprints or a CityGML tile's part. */
export const MAX_IMPORT_UPLOAD_BYTES = 8 << 20;

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const FILE_JOB_KINDS = ['report', 'district', 'backup', 'import'] as const;
export type FileJobKind = (typeof FILE_JOB_KINDS)[number];

/** What to export. A report's period is whole local days of the site: 'YYYY-MM-DD..YYYY-MM-DD', the end inclusive. */
export type ExportArgs =
  | { readonly kind: 'report'; readonly format: ReportFormat; readonly period: string; readonly lang: Language }
  | { readonly kind: 'district' }
  | { readonly kind: 'backup' };

export interface BuildingImportArgs {
  /** The picked file's name: it decides the format when the content does not, and errors name it. */
  readonly fileName: string;
  /** The file's content (UTF-8), at most MAX_IMPORT_UPLOAD_BYTES. */
  readonly text: string;
  /** The coordinates' CRS when the file names none or the wrong one, e.g. 'EPSG:25832'. */
  readonly crs?: string;
}

/** What an import added or changed in the district. */
export interface BuildingImportSummary {
  readonly format: 'citygml' | 'geojson';
  readonly crs: string;
  readonly buildings: number;
  readonly added: number;
  readonly updated: number;
  readonly roofSurfaces: number;
  readonly warnings: readonly string[];
  /** The warnings of a known kind as codes, for the UI's language (models/import-warning-codes.ts). */
  readonly warningDetails?: readonly ImportWarning[];
}

export interface FileJobView {
  readonly id: string;
  readonly kind: FileJobKind;
  readonly state: 'running' | 'done' | 'failed';
  /** 0..1 */
  readonly progress: number;
  /** The name the download gets (exports), or the imported file's name. */
  readonly fileName: string;
  /** Size of the finished export file. */
  readonly bytes?: number;
  readonly error?: ApiError;
  readonly imported?: BuildingImportSummary;
}

export interface FileMethods {
  'files.export': { args: ExportArgs; result: FileJobView };
  'files.import': { args: BuildingImportArgs; result: FileJobView };
  'files.job': { args: { readonly id: string }; result: FileJobView };
}
