import { newEvents, uniqueCategory } from '@tenure/event-store-contract';
import { openMigratedStore, type MigratedStore } from '../testing/migrated-store';
import { createHashCheckpoint, exportLatestCheckpoint } from './hash-checkpoints';
import type { TamperFinding } from './report';
import { verifyEventLog } from './verify-event-log';

describe('tamper evidence', () => {
  let opened: MigratedStore;
  let stream: string;
  let eventIds: string[];

  // Three streams; the one under attack has 5 events appended in two batches (3 + 2).
  beforeEach(async () => {
    opened = await openMigratedStore(2);
    const category = uniqueCategory();
    stream = `${category}-target`;
    const first = newEvents(3);
    const second = newEvents(2);
    eventIds = [...first, ...second].map((e) => e.metadata.eventId);
    await opened.store.appendToStream(stream, first, { expectedRevision: 'no_stream' });
    await opened.store.appendToStream(`${category}-other`, newEvents(4));
    await opened.store.appendToStream(stream, second, { expectedRevision: 2n });
    for (let i = 0; i < 3; i++) await opened.store.appendToStream(`${category}-third`, newEvents(1));
  });
  afterEach(() => opened.close());

  const sql = (text: string, params: unknown[] = []) => opened.database.pool.query(text, params);
  const kinds = (findings: readonly TamperFinding[]) =>
    findings.map((f) => ({ kind: f.kind, streamId: f.streamId, revision: f.revision, eventId: f.eventId }));

  it('given a log appended through the store, when verified, then every chain is intact', async () => {
    const report = await verifyEventLog(opened.database.pool);

    expect(report).toMatchObject({ intact: true, events: 12, streams: 3, findings: [], findingsOmitted: 0, checkpoint: null });
    const { rows } = await sql('SELECT count(*)::int AS n FROM tenure_events WHERE hash IS NULL OR length(hash) <> 32');
    expect(rows[0].n).toBe(0);
  });

  it('given the data of one event updated in the database, when verified, then that event is reported MODIFIED', async () => {
    await sql(`UPDATE tenure_events SET data = '{"n": 999}' WHERE stream_id = $1 AND revision = 2`, [stream]);

    const report = await verifyEventLog(opened.database.pool);

    expect(report.intact).toBe(false);
    expect(kinds(report.findings)).toEqual([{ kind: 'MODIFIED', streamId: stream, revision: '2', eventId: eventIds[2] }]);
    expect(report.findings[0]!.position).toEqual({ commit: expect.stringMatching(/^\d+$/), prepare: expect.stringMatching(/^\d+$/) });
  });

  it('given a middle event deleted, when verified, then its revision is reported REMOVED', async () => {
    const { rows } = await sql(`SELECT encode(hash, 'hex') AS hash FROM tenure_events WHERE stream_id = $1 AND revision = 2`, [stream]);
    await sql('DELETE FROM tenure_events WHERE stream_id = $1 AND revision = 2', [stream]);

    const report = await verifyEventLog(opened.database.pool);

    expect(kinds(report.findings)).toEqual([{ kind: 'REMOVED', streamId: stream, revision: '2', eventId: null }]);
    expect(report.findings[0]!.detail).toContain(rows[0].hash);
    expect(report.findings[0]!.detail).toContain(eventIds[3]);
  });

  it('given a forged event inserted with a made-up revision and hash, when verified, then it is reported INSERTED', async () => {
    await sql(
      `INSERT INTO tenure_events (stream_id, revision, event_id, type, data, metadata, previous_hash, hash)
       VALUES ($1, 5, 'forged-grant', 'EntitlementGranted', '{"to": "mallory"}', '{}', sha256('made up'::bytea), sha256('also made up'::bytea))`,
      [stream],
    );

    const report = await verifyEventLog(opened.database.pool);

    expect(kinds(report.findings)).toEqual([{ kind: 'INSERTED', streamId: stream, revision: '5', eventId: 'forged-grant' }]);
  });

  it('given a forged event that links to a real event already followed by another, when verified, then it is reported INSERTED', async () => {
    await sql(
      `INSERT INTO tenure_events (stream_id, revision, event_id, type, data, metadata, previous_hash, hash)
       SELECT $1, 5, 'forged-fork', 'EntitlementGranted', '{}', '{}', e.hash, sha256('made up'::bytea)
         FROM tenure_events e WHERE e.stream_id = $1 AND e.revision = 1`,
      [stream],
    );

    const report = await verifyEventLog(opened.database.pool);

    expect(kinds(report.findings)).toEqual([{ kind: 'INSERTED', streamId: stream, revision: '5', eventId: 'forged-fork' }]);
  });

  it('given two events whose revisions were swapped, when verified, then both are reported REORDERED', async () => {
    await sql('UPDATE tenure_events SET revision = -1 WHERE stream_id = $1 AND revision = 1', [stream]);
    await sql('UPDATE tenure_events SET revision = 1 WHERE stream_id = $1 AND revision = 2', [stream]);
    await sql('UPDATE tenure_events SET revision = 2 WHERE stream_id = $1 AND revision = -1', [stream]);

    const report = await verifyEventLog(opened.database.pool);

    expect(kinds(report.findings)).toEqual([
      { kind: 'REORDERED', streamId: stream, revision: '1', eventId: eventIds[2] },
      { kind: 'REORDERED', streamId: stream, revision: '2', eventId: eventIds[1] },
    ]);
  });

  it('given an exported checkpoint, when the last event of a stream is deleted, then verification against the export names the stream', async () => {
    const created = await createHashCheckpoint(opened.database.pool, { now: () => new Date('2026-01-02T03:04:05Z') });
    const client = await opened.database.pool.connect();
    const exported = JSON.parse(JSON.stringify(await exportLatestCheckpoint(client)));
    client.release();
    expect(exported).toMatchObject({ id: created.id, root: created.root, streams: 3, createdAt: '2026-01-02T03:04:05.000Z' });
    expect((await verifyEventLog(opened.database.pool, { against: exported })).intact).toBe(true);

    await sql('DELETE FROM tenure_events WHERE stream_id = $1 AND revision = 4', [stream]);
    // The chain alone cannot see a removed tail: what is left still links up.
    await sql('DELETE FROM tenure_hash_checkpoint_heads');
    await sql('DELETE FROM tenure_hash_checkpoints');
    expect((await verifyEventLog(opened.database.pool)).intact).toBe(true);

    const report = await verifyEventLog(opened.database.pool, { against: exported });

    expect(report.intact).toBe(false);
    expect(report.checkpoint).toMatchObject({ source: 'export', id: created.id, intact: false });
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'REMOVED', source: 'checkpoint', streamId: stream, revision: '4' })]);
  });

  it('given a checkpoint in the database, when a stream tail is deleted, then verification against the latest checkpoint reports it', async () => {
    await createHashCheckpoint(opened.database.pool);
    await opened.store.appendToStream(stream, newEvents(1), { expectedRevision: 4n });
    const second = await createHashCheckpoint(opened.database.pool);
    expect(second.streams).toBe(3);

    await sql('DELETE FROM tenure_events WHERE stream_id = $1 AND revision = 5', [stream]);
    const report = await verifyEventLog(opened.database.pool);

    expect(report.checkpoint).toMatchObject({ source: 'database', id: second.id, intact: false, problems: [] });
    expect(kinds(report.findings)).toEqual([{ kind: 'REMOVED', streamId: stream, revision: '5', eventId: null }]);
  });

  it('given a stream whose chain was recomputed after a change, when verified, then the checkpoint reports its head MODIFIED', async () => {
    await createHashCheckpoint(opened.database.pool);
    await sql(`UPDATE tenure_events SET data = '{"n": 999}' WHERE stream_id = $1 AND revision = 3`, [stream]);
    for (const revision of [3, 4]) {
      await sql(
        `UPDATE tenure_events e SET previous_hash = p.hash,
                hash = tenure_event_hash(p.hash, e.stream_id, e.revision, e.event_id, e.type, e.data, e.metadata)
           FROM tenure_events p WHERE e.stream_id = $1 AND e.revision = $2 AND p.stream_id = $1 AND p.revision = $2 - 1`,
        [stream, revision],
      );
    }

    const report = await verifyEventLog(opened.database.pool);

    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'MODIFIED', source: 'checkpoint', streamId: stream, revision: '4', eventId: eventIds[4] }),
    ]);
  });

  it('given more findings than the limit, when verified, then the report keeps the limit and counts the rest', async () => {
    await sql(`UPDATE tenure_events SET data = '{"n": -1}'`);

    const report = await verifyEventLog(opened.database.pool, { maxFindings: 5, batchSize: 4 });

    expect(report).toMatchObject({ intact: false, events: 12 });
    expect(report.findings).toHaveLength(5);
    expect(report.findingsOmitted).toBe(7);
  });
});
