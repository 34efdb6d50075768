import { Client } from 'pg';
import type { Broadcast, Broadcaster } from './broadcaster';

const CHANNEL = 'kexiang_events';
const MAX_PAYLOAD = 7900; // PostgreSQL refuses NOTIFY payloads of 8000 bytes and more

/**
 * LISTEN/NOTIFY between hubs. One dedicated connection listens; it reconnects by itself when the
 * database goes away. Notifications are sent after commit by the caller, so none is ever about a
 * rolled-back change.
 */
export class PostgresBroadcaster implements Broadcaster {
  private readonly handlers: ((message: Broadcast) => void)[] = [];
  private listener: Client | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  private constructor(private readonly url: string) {}

  static async start(url: string): Promise<PostgresBroadcaster> {
    const broadcaster = new PostgresBroadcaster(url);
    await broadcaster.listen();
    return broadcaster;
  }

  async publish(messages: readonly Broadcast[]): Promise<void> {
    const texts: string[] = [];
    for (const message of messages) {
      const text = JSON.stringify(message);
      // One oversized broadcast is dropped and said so; the transaction's others still go out.
      if (Buffer.byteLength(text) > MAX_PAYLOAD) console.error(`broadcast on ${message.topic} is too large for NOTIFY; not sent`);
      else texts.push(text);
    }
    if (texts.length === 0) return;
    const client = this.listener;
    if (!client) throw new Error('not connected to PostgreSQL');
    // One statement for a transaction's broadcasts; unnest keeps their order, and so does NOTIFY.
    await client.query({
      name: 'kx_notify',
      text: 'select pg_notify($1, payload) from unnest($2::text[]) as payload',
      values: [CHANNEL, texts],
    });
  }

  onMessage(handler: (message: Broadcast) => void): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      const message = JSON.parse(n.payload) as Broadcast;
      for (const handler of this.handlers) handler(message);
    });
    client.on('error', () => this.reconnectSoon());
    client.on('end', () => this.reconnectSoon());
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    this.listener = client;
  }

  private reconnectSoon(): void {
    if (this.closed || this.retryTimer) return;
    this.listener = null;
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = null;
      try {
        await this.listen();
      } catch {
        this.reconnectSoon();
      }
    }, 1000);
  }
}
