import type { StreamHead } from './checkpoint-root';
import type { CurrentHead } from './hash-checkpoints';
import type { TamperFinding } from './report';

/**
 * Compares a checkpoint's heads with the heads the database has now at the same position. This is
 * what catches what the chains alone cannot: a stream's last events removed, or a stream's chain
 * recomputed after a change (it links up again, but ends in another hash).
 */
export function compareHeads(checkpointId: string, sealed: readonly StreamHead[], current: readonly CurrentHead[]): TamperFinding[] {
  const now = new Map(current.map((head) => [head.streamId, head]));
  const findings: TamperFinding[] = [];
  for (const head of sealed) {
    const actual = now.get(head.streamId);
    now.delete(head.streamId);
    const sealedRevision = BigInt(head.revision);
    const actualRevision = actual ? BigInt(actual.revision) : -1n;
    if (actualRevision < sealedRevision) {
      for (let missing = actualRevision + 1n; missing <= sealedRevision; missing++) {
        findings.push({
          kind: 'REMOVED',
          streamId: head.streamId,
          revision: missing.toString(),
          eventId: null,
          position: null,
          source: 'checkpoint',
          detail: `stream "${head.streamId}" ended at revision ${head.revision} (hash ${head.hash}) at checkpoint ${checkpointId}; revision ${missing} is gone`,
        });
      }
    } else if (actual && actualRevision > sealedRevision) {
      findings.push(
        atHead(
          'INSERTED',
          actual,
          `is at or before checkpoint ${checkpointId}'s position, which sealed the stream at revision ${head.revision}`,
        ),
      );
    } else if (actual && actual.hash !== head.hash) {
      findings.push(
        atHead(
          'MODIFIED',
          actual,
          `ends in hash ${actual.hash}, but checkpoint ${checkpointId} sealed hash ${head.hash}: the chain was rewritten`,
        ),
      );
    }
  }
  for (const extra of now.values()) {
    findings.push(atHead('INSERTED', extra, `belongs to a stream checkpoint ${checkpointId} did not have at its position`));
  }
  return findings;
}

function atHead(kind: TamperFinding['kind'], head: CurrentHead, problem: string): TamperFinding {
  return {
    kind,
    streamId: head.streamId,
    revision: head.revision,
    eventId: head.eventId,
    position: { commit: head.commit, prepare: head.prepare },
    source: 'checkpoint',
    detail: `event ${head.eventId} (stream "${head.streamId}", revision ${head.revision}) ${problem}`,
  };
}
