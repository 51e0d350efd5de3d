import { resourceUsage } from 'node:process';

const BYTES_PER_MB = 1024 * 1024;

/**
 * Samples this process's resident set size periodically: a peak that comes and goes between two
 * phases would be missed by reading it only at the end. The kernel's own high-water mark
 * (`maxRSS`) catches what falls between samples; the report takes the larger of the two.
 */
export class MemorySampler {
  private peakRssBytes = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 50) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    this.peakRssBytes = Math.max(this.peakRssBytes, process.memoryUsage.rss());
  }

  /** Peak resident memory in MB so far. */
  peakRssMb(): number {
    this.sample();
    const kernelPeakBytes = resourceUsage().maxRSS * 1024; // maxRSS is in kilobytes
    return Math.max(this.peakRssBytes, kernelPeakBytes) / BYTES_PER_MB;
  }

  currentRssMb(): number {
    return process.memoryUsage.rss() / BYTES_PER_MB;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
