import type { MikroORM } from '@mikro-orm/postgresql';

export interface ReadinessDeps {
  orm: MikroORM;
  /** whether the timer poller runs, or is meant not to (PROCESS_POLL_MS=0: a test or a hub kept for requests only) */
  pollerRunning: () => boolean;
  /** longest a probe waits for the database */
  timeoutMs: number;
}

export interface Readiness {
  ready: boolean;
  checks: { database: boolean; migrations: boolean; timerPoller: boolean };
}

/** A dead connection must not hang the probe: what has not answered within `ms` counts as false. */
const within = (ms: number, work: Promise<boolean>): Promise<boolean> =>
  Promise.race([work.catch(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);

/**
 * Ready to take traffic: the database answers, every migration this build knows is applied (a
 * hub started against a database another version rolled back would write to missing columns),
 * and the timer poller runs, so timers and overdue tasks this hub is counted on to fire do fire.
 */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const database = await within(
    deps.timeoutMs,
    deps.orm.em
      .getConnection()
      .execute('select 1')
      .then(() => true),
  );
  const migrations =
    database &&
    (await within(
      deps.timeoutMs,
      deps.orm
        .getMigrator()
        .getPendingMigrations()
        .then((pending) => pending.length === 0),
    ));
  const timerPoller = deps.pollerRunning();
  return { ready: database && migrations && timerPoller, checks: { database, migrations, timerPoller } };
}
