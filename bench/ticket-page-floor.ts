import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';

/**
 * The floor the hub is measured against: one hand-written SQL statement that builds the same
 * ticket page (customer, account manager, circuits, assignee, last 5 events) with json_agg,
 * served by a bare `http` server. No GraphQL, no ORM: what the database alone can do.
 */
export const FLOOR_SQL = `
select coalesce(json_agg(page order by page.created_at desc, page.id desc), '[]') as tickets from (
  select t.id, t.number, t.title, t.status, t.priority, t.resolution_due_at, t.created_at,
    json_build_object('id', cu.id, 'name', cu.name, 'serviceLevel', cu.service_level,
      'accountManager', json_build_object('id', am.id, 'name', am.name)) as customer,
    (select coalesce(json_agg(json_build_object('id', c.id, 'code', c.code, 'bandwidthMbps', c.bandwidth_mbps) order by c.code), '[]')
       from ticket_circuit tc join circuit c on c.id = tc.circuit_id where tc.ticket_id = t.id) as circuits,
    case when a.id is null then null else json_build_object('id', a.id, 'name', a.name) end as assignee,
    (select coalesce(json_agg(h order by h.id desc), '[]') from (
       select he.id, he.at, he.action, he.note, he.changes, json_build_object('name', u.name) as actor
       from history_event he left join app_user u on u.id = he.actor_id
       where he.subject_type = 'TICKET' and he.subject_id = t.id order by he.id desc limit 5) h) as history
  from ticket t
  join customer cu on cu.id = t.customer_id
  join app_user am on am.id = cu.account_manager_id
  left join app_user a on a.id = t.assignee_id
  where t.archived_at is null
  order by t.created_at desc, t.id desc
  limit $1
) page`;

export async function startFloorServer(databaseUrl: string, first: number): Promise<{ url: string; stop(): Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const server = http.createServer(async (_req, res) => {
    try {
      const { rows } = await pool.query<{ tickets: unknown }>(FLOOR_SQL, [first]);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { tickets: rows[0].tickets } }));
    } catch (err) {
      res.writeHead(500);
      res.end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
