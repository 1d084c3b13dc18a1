/** Where a command writes: the terminal in use, a buffer in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /**
   * Redraws one status line in place (a progress bar); present only on an interactive terminal.
   * Passing undefined ends the status line so the next output starts on a fresh line.
   */
  live?(text: string | undefined): void;
}

let liveShown = false;

export const processIo: Io = {
  out: (t) => {
    if (liveShown) endLive();
    process.stdout.write(t + "\n");
  },
  err: (t) => {
    if (liveShown) endLive();
    process.stderr.write(t + "\n");
  },
  ...(process.stderr.isTTY
    ? {
        live: (t: string | undefined) => {
          if (t === undefined) return endLive();
          // Carriage return, clear the line, draw; cut to the terminal's width so it never wraps.
          const width = process.stderr.columns || 100;
          process.stderr.write(`\r\x1b[2K${t.length >= width ? t.slice(0, width - 1) : t}`);
          liveShown = true;
        },
      }
    : {}),
};

function endLive(): void {
  process.stderr.write("\r\x1b[2K");
  liveShown = false;
}
