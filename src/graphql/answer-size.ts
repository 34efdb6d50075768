import type { RequestHandler } from 'express';
import type { WebSocket } from 'ws';

const tooLarge = (max: number) => ({
  message: `The answer is larger than ${max} bytes; ask for fewer fields, smaller pages or fewer nested lists`,
  extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: max },
});

// A string's UTF-8 size is at most 3 bytes per UTF-16 unit: only long ones need counting.
const exceeds = (text: string, max: number) => text.length * 3 > max && Buffer.byteLength(text, 'utf8') > max;

/**
 * HTTP: an answer over the cap is replaced by one coded error before it is sent. The body is
 * already text by then, so measuring it costs nothing on the usual path.
 */
export function capHttpAnswer(max: number): RequestHandler {
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string' && exceeds(body, max)) return send(JSON.stringify({ errors: [tooLarge(max)] }));
      return send(body);
    };
    next();
  };
}

/** WebSocket: a `next` message over the cap is replaced by an `error` message for the same operation. */
export function capAnswer(socket: WebSocket, max: number): void {
  const send = socket.send.bind(socket);
  socket.send = ((data: unknown, ...rest: unknown[]) => {
    if (typeof data === 'string' && exceeds(data, max)) {
      const { id } = JSON.parse(data) as { id?: string };
      return (send as (d: string, ...r: unknown[]) => void)(JSON.stringify({ id, type: 'error', payload: [tooLarge(max)] }), ...rest);
    }
    return (send as (d: unknown, ...r: unknown[]) => void)(data, ...rest);
  }) as typeof socket.send;
}
