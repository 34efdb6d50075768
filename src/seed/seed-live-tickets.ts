import type { MikroORM } from '@mikro-orm/postgresql';
import { centerProcedures, procedureStarts } from '../composition/procedures';
import type { Services } from '../composition/services';
import { TicketChannel, TicketKind, TicketPriority } from '../modules/tickets/ticket.enums';
import type { OpenTicketInput } from '../modules/tickets/ticket.inputs';
import type { Clock } from '../shared/clock';
import type { Actor } from '../shared/service-context';
import { complaintTitles, consultationTitles, faultTitles, genericTitles } from './demo-names';
import { Random } from './random';
import { seedIfEmpty } from './seed-if-empty';

/** What seeding on start reads from the configuration. */
export interface HubSeedSettings {
  seed: number;
  seedTickets: number;
  ticketProcedures?: string;
  slaWarningPercent?: number;
}

/** How many live tickets of each kind; a kind whose procedure is new here gets one. */
const liveCounts: Partial<Record<TicketKind, number>> = {
  [TicketKind.FAULT]: 2,
  [TicketKind.COMPLAINT]: 2,
  [TicketKind.CONSULTATION]: 2,
  [TicketKind.EMERGENCY]: 1,
};

/** The duty desk opens them, as it would on a real morning (a seeded member of staff). */
const dutyDesk: Actor = { kind: 'staff', userCode: 'kx.duty', customerId: null };

/** The ticket kinds that start a procedure in this hub (TICKET_PROCEDURES, or the procedures' defaults). */
export function procedureKinds(services: Services, clock: Clock, ticketProcedures: string | undefined): TicketKind[] {
  // The same reading of the setting the services made; building the procedures again only makes objects.
  return [...procedureStarts(ticketProcedures, centerProcedures(clock, services)).keys()];
}

/**
 * On a first start (no customer yet): the history as bulk rows, every ticket of a procedure kind
 * finished; then a handful of live tickets opened through the ticket service, so each runs its
 * procedure as any new ticket does. Needs the diagrams deployed. Answers whether it seeded.
 */
export async function seedHubIfEmpty(orm: MikroORM, services: Services, settings: HubSeedSettings, clock: Clock): Promise<boolean> {
  const kinds = procedureKinds(services, clock, settings.ticketProcedures);
  const seeded = await seedIfEmpty(orm, {
    seed: settings.seed,
    tickets: settings.seedTickets,
    now: clock.now(),
    settledKinds: kinds,
    warnPercent: settings.slaWarningPercent,
  });
  if (seeded) await seedLiveTickets(orm, services, kinds, settings.seed);
  return seeded;
}

/** Opens the live tickets; answers their ids. One that its procedure refuses is reported and skipped. */
export async function seedLiveTickets(orm: MikroORM, services: Services, kinds: readonly TicketKind[], seed: number): Promise<string[]> {
  const random = new Random(seed + 1);
  const customers = await orm.em
    .fork()
    .execute<{ id: string; circuits: string[] }[]>(
      'select c.id, array_agg(k.id order by k.id) as circuits from customer c join circuit k on k.customer_id = c.id group by c.id order by c.id',
    );
  const opened: string[] = [];
  for (const kind of kinds) {
    for (let i = 0; i < (liveCounts[kind] ?? 1); i++) {
      const customer = random.pick(customers);
      const input = liveInput(random, kind, i, customer.id, customer.circuits);
      try {
        opened.push((await services.tickets.open({ em: orm.em.fork(), actor: dutyDesk }, input)).id);
      } catch (err) {
        console.warn(`Seeding: a live ${kind} ticket could not be opened: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  return opened;
}

function liveInput(random: Random, kind: TicketKind, i: number, customerId: string, circuits: string[]): OpenTicketInput {
  const base = { kind, customerId, description: '', circuitIds: [] as string[], priority: TicketPriority.MEDIUM };
  switch (kind) {
    case TicketKind.FAULT:
      return {
        ...base,
        channel: i % 2 ? TicketChannel.NETWORK_ALARM : TicketChannel.PHONE,
        title: random.pick(faultTitles),
        circuitIds: [random.pick(circuits)],
        priority: TicketPriority.HIGH,
      };
    case TicketKind.EMERGENCY:
      return { ...base, channel: TicketChannel.PHONE, title: '重大活动通信保障应急', circuitIds: [random.pick(circuits)] };
    case TicketKind.COMPLAINT:
      return {
        ...base,
        channel: TicketChannel.PHONE,
        title: random.pick(complaintTitles),
        complaint: { matter: '专线故障处理时长', affectedSites: 1 + i, safetyRisk: false, publicExposureRisk: false, massIncident: false },
      };
    case TicketKind.CONSULTATION:
      // A call tells how fast it was answered; a message has no answer time.
      return i % 2
        ? { ...base, channel: TicketChannel.PHONE, title: random.pick(consultationTitles), answeredInSeconds: 12, busy: false }
        : { ...base, channel: TicketChannel.EMAIL, title: random.pick(consultationTitles) };
    default:
      return { ...base, channel: TicketChannel.EMAIL, title: random.pick(genericTitles[kind] ?? ['工单']) };
  }
}
