import http from 'node:http';

/**
 * True when `url` answers 2xx or 3xx within `timeoutMs`. A fresh connection each time (no keep-alive),
 * so probing never holds sockets open to a process we may be about to stop.
 */
export function probeReadiness(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 400);
    });
    request.once('timeout', () => request.destroy(new Error('timeout')));
    request.once('error', () => resolve(false));
  });
}
