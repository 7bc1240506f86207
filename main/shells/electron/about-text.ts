/** The about dialog's version lines: what a support request needs to name. */
export function aboutLines(appVersion: string, versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>, platform: string, arch: string): string[] {
  return [
    `PlusTwin ${appVersion}`,
    `Electron ${versions.electron ?? '-'}`,
    `Chromium ${versions.chrome ?? '-'}`,
    `Node.js ${versions.node ?? '-'}`,
    `V8 ${versions.v8 ?? '-'}`,
    `${platform} ${arch}`,
  ];
}
