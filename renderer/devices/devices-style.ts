/** Styles of the device UI, injected once; colours come from the theme variables of renderer/styles/app.css. */
const CSS = `
.dev-dialog { background: var(--surface); color: var(--fg); border: 1px solid var(--border); border-radius: 8px;
  padding: 0; width: min(760px, 96vw); max-height: 92vh; }
.dev-dialog::backdrop { background: rgb(0 0 0 / 0.45); }
.dev-dialog form, .dev-dialog .dev-body { padding: 16px 20px; display: flex; flex-direction: column; gap: 10px; }
.dev-dialog h2 { margin: 0; font-size: 18px; }
.dev-dialog .dev-body > h2:first-child, .dev-dialog form > h2:first-child { position: sticky; top: 0; z-index: 1;
  background: var(--surface); padding: 4px 0; }
.dev-list { width: min(1100px, 96vw); }
.dev-list table { display: block; max-width: 100%; overflow-x: auto; }
.dev-list .dev-actions { position: sticky; bottom: 0; background: var(--surface); padding: 8px 0; }
.dev-dialog label { display: flex; flex-direction: column; gap: 3px; font-weight: 600; }
.dev-dialog label.inline { flex-direction: row; align-items: center; gap: 8px; font-weight: normal; }
.dev-dialog input, .dev-dialog select, .dev-dialog button { font: inherit; color: var(--fg); background: var(--bg);
  border: 1px solid var(--border); border-radius: 4px; padding: 5px 8px; }
.dev-dialog button.primary, .dev-topbar-button.primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
.dev-dialog button:disabled { opacity: 0.55; }
.dev-row { display: flex; gap: 10px; flex-wrap: wrap; align-items: flex-end; }
.dev-row > label { flex: 1 1 180px; }
.dev-actions { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
.dev-hint { color: var(--muted); font-weight: normal; font-size: 13px; }
.dev-error { color: var(--bad); white-space: pre-wrap; }
.dev-ok { color: var(--ok); }
.dev-probe { border: 1px solid var(--border); border-radius: 6px; padding: 8px 10px; max-height: 220px; overflow: auto; }
.dev-probe table, .dev-list table { border-collapse: collapse; width: 100%; }
.dev-probe td, .dev-probe th, .dev-list td, .dev-list th { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--grid); }
.dev-state-online { color: var(--ok); font-weight: 600; }
.dev-state-offline, .dev-state-retrying { color: var(--bad); font-weight: 600; }
.dev-state-backoff, .dev-state-starting, .dev-state-unknown { color: var(--warn); font-weight: 600; }
.dev-tree { border: 1px solid var(--border); border-radius: 6px; padding: 6px; max-height: 260px; overflow: auto; }
.dev-tree:empty { display: none; }
.dev-tree ul { list-style: none; margin: 0; padding-left: 16px; }
.dev-tree > ul { padding-left: 0; }
.dev-tree li { margin: 2px 0; }
.dev-tree button.twisty { border: none; background: none; padding: 0 4px; cursor: pointer; }
.dev-picked { border: 1px solid var(--border); border-radius: 6px; padding: 6px; }
.dev-picked .dev-row { align-items: center; }
.dev-cert { border: 1px solid var(--border); border-radius: 6px; padding: 8px 10px; }
.dev-cert code { word-break: break-all; }
.dev-steps { display: flex; gap: 12px; margin: 0; padding: 0; list-style: none; color: var(--muted); }
.dev-steps li[aria-current="step"] { color: var(--fg); font-weight: 700; text-decoration: underline; }
.dev-topbar-button { font: inherit; color: var(--fg); background: var(--surface); border: 1px solid var(--border);
  border-radius: 4px; padding: 4px 10px; cursor: pointer; }
`;

export function ensureDeviceStyles(doc: Document): void {
  if (doc.getElementById('plustwin-devices-style')) return;
  const style = doc.createElement('style');
  style.id = 'plustwin-devices-style';
  style.textContent = CSS;
  doc.head.append(style);
}
