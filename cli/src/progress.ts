/**
 * A one-line progress indicator on standard error, rewritten in place with `\r` and cleared at the
 * end. Shown only when standard error is a terminal; never in pipes, files or tests.
 */
import type { Io } from './command.js';

/** Redraw at most this often. */
const MIN_INTERVAL_MS = 100;

export class Progress {
  private active: boolean;
  private shown = false;
  private last = 0;

  /** `enabled`: whether the job is big enough to deserve one; shown only on a terminal anyway. */
  constructor(
    private readonly io: Io,
    enabled: boolean,
  ) {
    this.active = enabled && io.stderrIsTTY;
  }

  /** Replaces the progress line with `text`; counters (`force` false) are redrawn at most every 100 ms. */
  show(text: string, force = true): void {
    if (!this.active) return;
    const now = Date.now();
    if (!force && this.shown && now - this.last < MIN_INTERVAL_MS) return;
    this.last = now;
    this.shown = true;
    this.io.stderr(`\r${text}\x1b[K`);
  }

  /** Clears the line and shows nothing more. */
  stop(): void {
    if (this.shown) this.io.stderr('\r\x1b[K');
    this.shown = false;
    this.active = false;
  }
}
