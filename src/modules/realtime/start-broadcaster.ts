import type { Database } from '../../db/database';
import { type Broadcaster, InProcessBroadcaster } from './broadcaster';
import { PostgresBroadcaster } from './postgres-broadcaster';

/** NOTIFY between hubs on a PostgreSQL server; in memory on the embedded database (one process). */
export function startBroadcaster(database: Database): Promise<Broadcaster> {
  if (database.embedded) return Promise.resolve(new InProcessBroadcaster());
  return PostgresBroadcaster.start(database.url);
}
