let interrupted = false;

/** Records that the run was interrupted (Ctrl-C, SIGTERM): failures that follow are its consequence, not news. */
export function markInterrupted(): void {
  interrupted = true;
}

export function wasInterrupted(): boolean {
  return interrupted;
}
