import { Writable } from 'node:stream';
import { correlationMiddleware, withLogContext } from './log-context';
import { createLogger } from './logger';

function capturedLogger(): { logger: ReturnType<typeof createLogger>; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger('log-context-test', 'info', destination);
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('log context', () => {
  it('given a line written inside a context, also after an await, then it carries the correlation id; outside, none', async () => {
    const { logger, lines } = capturedLogger();

    await withLogContext({ correlationId: 'c-42' }, async () => {
      logger.info('before');
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info('after');
    });
    logger.info('outside');

    expect(lines().map((line) => [line['msg'], line['correlationId']])).toEqual([
      ['before', 'c-42'],
      ['after', 'c-42'],
      ['outside', undefined],
    ]);
  });

  it('given a request with a plain id, a forged one or none, when the middleware runs, then it keeps, replaces or makes one, and answers with it', () => {
    const run = (presented: string | undefined) => {
      const headers: Record<string, string> = {};
      let seen: string | undefined;
      const { logger, lines } = capturedLogger();
      correlationMiddleware(() => 'new-id')({ header: () => presented }, { setHeader: (name, value) => (headers[name] = value) }, () => {
        logger.info('handled');
        seen = lines()[0]?.['correlationId'] as string | undefined;
      });
      return { header: headers['x-correlation-id'], seen };
    };

    expect(run('req-7.a:b_c')).toEqual({ header: 'req-7.a:b_c', seen: 'req-7.a:b_c' });
    expect(run('bad id\n{"level":60}')).toEqual({ header: 'new-id', seen: 'new-id' });
    expect(run('x'.repeat(129))).toEqual({ header: 'new-id', seen: 'new-id' });
    expect(run(undefined)).toEqual({ header: 'new-id', seen: 'new-id' });
  });
});
