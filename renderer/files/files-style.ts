/** Styles of the file, scenario and CO2 dialogs, injected once beside the device UI's (they share .dev-dialog). */
import { ensureDeviceStyles } from '../devices/devices-style.js';

const CSS = `
.files-dialog [hidden] { display: none !important; }
.files-dialog fieldset { border: 1px solid var(--border); border-radius: 6px; padding: 8px 12px; display: flex; flex-direction: column; gap: 8px; margin: 0; }
.files-dialog legend { font-weight: 600; padding: 0 4px; }
.files-dialog progress { width: 100%; height: 14px; }
.files-row { display: flex; gap: 10px; flex-wrap: wrap; align-items: flex-end; }
.files-row > label { flex: 1 1 150px; min-width: 0; }
.files-row > label > input, .files-row > label > select { width: 100%; box-sizing: border-box; min-width: 0; }
.files-status { margin: 0; min-height: 1.2em; }
.files-dialog table { border-collapse: collapse; width: 100%; }
.files-dialog th, .files-dialog td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--grid); }
.files-dialog td.num, .files-dialog th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.files-wide { width: min(1100px, 96vw) !important; }
.scenario-measure { display: flex; gap: 8px; flex-wrap: wrap; align-items: flex-end; border-bottom: 1px solid var(--grid); padding-bottom: 8px; }
.scenario-measure > label { flex: 1 1 120px; }
.scenario-measure > label.wide { flex: 2 1 200px; }
.scenario-section > th { text-align: left; padding-top: 10px; border-bottom: 1px solid var(--grid); }
.scenario-saving > th, .scenario-saving > td { font-weight: 600; }
.co2-chart { position: relative; height: min(44vh, 460px); }
`;

export function ensureFilesStyles(doc: Document): void {
  ensureDeviceStyles(doc);
  if (doc.getElementById('plustwin-files-style')) return;
  doc.head.append(Object.assign(doc.createElement('style'), { id: 'plustwin-files-style', textContent: CSS }));
}
