/**
 * A text progress bar for the CLI on stderr: redrawn in place on a terminal, one line per tenth otherwise
 * (a log file or CI output must not fill with carriage returns).
 */
export interface ProgressBar {
  update(share: number, what: string): void;
  done(): void;
}

export const progressBar = (out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, width = 30): ProgressBar => {
  const tty = out.isTTY === true;
  let lastTenth = -1;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(share, what) {
      const s = Math.max(0, Math.min(1, share));
      const pct = Math.floor(s * 100);
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 80 && s < 1) return;
        lastDraw = now;
        const full = Math.round(s * width);
        const label = what.length > 40 ? `${what.slice(0, 39)}…` : what;
        out.write(`\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(pct).padStart(3)} % ${label.padEnd(40)}`);
        drawn = true;
      } else {
        const tenth = Math.floor(s * 10);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        out.write(`${String(tenth * 10).padStart(3)} % ${what}\n`);
      }
    },
    done() {
      if (tty && drawn) out.write('\n');
    },
  };
};
