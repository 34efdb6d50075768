import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long a refused upload may go on sending after its answer before the connection is cut. */
const DISCARD_FOR_MS = 5000;

export type BoundedBody = { body: Buffer } | { tooLarge: true };

/**
 * Reads a request body of at most `max` bytes, counted as the chunks arrive: past the limit it
 * stops reading (and answers tooLarge) without holding more than `max` bytes. A Content-Length
 * over the limit is refused before a byte is read.
 */
export function readBoundedBody(req: IncomingMessage, max: number): Promise<BoundedBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return Promise.resolve({ tooLarge: true });
  return new Promise<BoundedBody>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > max) {
        done();
        req.pause();
        chunks.length = 0;
        resolve({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve({ body: Buffer.concat(chunks, total) });
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    const onClose = () => {
      done();
      reject(new Error('the client went away during the upload'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * After refusing a request whose body was not read (too large, not allowed): the connection is
 * closed once the answer is out. The rest of the body is read and dropped meanwhile, never kept,
 * so the client sees the answer rather than a reset; a client still sending after a few seconds is
 * cut off.
 */
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  if (req.readableEnded) return;
  res.setHeader('Connection', 'close');
  res.once('finish', () => {
    req.resume();
    setTimeout(() => req.socket.destroy(), DISCARD_FOR_MS).unref();
  });
}
