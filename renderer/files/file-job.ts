/**
 * A file job from the UI's side: start it, follow its progress by asking the core ('files.job'), and fetch an
 * export's file as a download. The download is a plain link to DOWNLOAD_PATH on the page's own origin: serve mode
 * answers it over HTTP behind the API's access checks, the desktop app from its page protocol.
 */
import { DOWNLOAD_PATH, type FileJobView, type PlusTwinApi } from '../../models/contract/index.js';
import { callApi, DeviceApiError } from '../devices/devices-api.js';

const POLL_MS = 250;

/** Waits for the job to end, reporting each progress; a failed job throws its error (translated by errorText). */
export async function followJob(api: PlusTwinApi, started: FileJobView, onProgress: (job: FileJobView) => void): Promise<FileJobView> {
  let job = started;
  onProgress(job);
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, POLL_MS));
    job = await callApi(api, 'files.job', { id: job.id });
    onProgress(job);
  }
  if (job.state === 'failed') throw new DeviceApiError(job.error ?? { kind: 'internal', message: 'the job failed' });
  return job;
}

/** The job's file on the page's origin; a token the page was opened with goes along (serve beyond loopback). */
export function downloadUrl(jobId: string, page: Location = location): string {
  const url = new URL(`${DOWNLOAD_PATH}/${jobId}`, page.href);
  const token = new URLSearchParams(page.search).get('token');
  if (token) url.searchParams.set('token', token);
  return url.toString();
}

/** Starts the browser's download of a finished export and returns the link, which stays for a second try. */
export function startDownload(job: FileJobView, link: HTMLAnchorElement): void {
  link.href = downloadUrl(job.id);
  link.download = job.fileName;
  link.hidden = false;
  link.click();
}
