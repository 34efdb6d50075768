import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { centerProcedures, procedureStarts } from '../composition/procedures';
import type { Services } from '../composition/services';
import { AccessTechnology, CircuitServiceType, CircuitStatus } from '../modules/circuits/circuit.enums';
import { CreateCircuitInput } from '../modules/circuits/circuit.inputs';
import { TicketChannel, TicketKind, TicketPriority } from '../modules/tickets/ticket.enums';
import type { OpenTicketInput } from '../modules/tickets/ticket.inputs';
import type { TicketOpening } from '../modules/tickets/ticket-procedures';
import { DispatchLevel } from '../procedures/circuit-provisioning/provisioning.enums';
import { DispatchOrderInput } from '../procedures/circuit-provisioning/provisioning.inputs';
import { CutoverKind } from '../procedures/cutover-notice/cutover.enums';
import { CutoverInput } from '../procedures/cutover-notice/cutover.inputs';
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
 * procedure the way every new ticket does. Needs the diagrams deployed. Answers whether it seeded.
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
        const ctx = { em: orm.em.fork(), actor: dutyDesk };
        if (kind === TicketKind.CIRCUIT_DISPATCH) {
          opened.push((await openLiveDispatch(services, ctx, customer.id, i)).id);
          continue;
        }
        if (kind === TicketKind.CUTOVER_NOTICE) {
          opened.push((await openLiveCutover(services, ctx, customer.circuits.slice(0, 2))).ticketId);
          continue;
        }
        opened.push((await services.tickets.open(ctx, input, liveOpening(kind))).id);
      } catch (err) {
        console.warn(`Seeding: a live ${kind} ticket could not be opened: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  return opened;
}

/** What a kind's own request adds to its ticket: a resource check names what to check (its intake refuses one without). */
function liveOpening(kind: TicketKind): TicketOpening {
  // A handover acceptance names its works (the contractor and maintaining unit default).
  if (kind === TicketKind.HANDOVER_ACCEPTANCE)
    return { facts: { works: [{ kind: 'FIBER', description: '客户新址 至 接入机房 24芯光缆' }] } };
  // A presales request names the customer's needs, sites and the circuits wanted (its resource check checks them).
  if (kind === TicketKind.PRESALES_SUPPORT)
    return {
      facts: {
        needs: '总部与分部之间 100M 数据专线, 总部 200M 互联网专线',
        scope: 'LOCAL',
        coverageAsked: false,
        sites: ['总部', '分部'],
        circuits: [
          { serviceType: 'DATA_LINE', bandwidthMbps: 100, aEnd: '总部机房', zEnd: '分部机房', accessTechnology: 'MSAP_SDH', site: '分部' },
          {
            serviceType: 'INTERNET_DEDICATED_LINE',
            bandwidthMbps: 200,
            aEnd: '总部机房',
            zEnd: null,
            accessTechnology: 'FIBER_PTN',
            site: '总部',
          },
        ],
        outsourcedServices: [],
      },
    };
  if (kind !== TicketKind.RESOURCE_CHECK) return {};
  return {
    facts: { scope: 'LOCAL', coverageAsked: false, sites: ['客户新址'], resources: [{ kind: 'CIRCUIT', name: '互联网专线 100M' }] },
  };
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

/** A dispatch order arrives for a circuit the inventory holds reserved (a new line being built). */
async function openLiveDispatch(services: Services, ctx: { em: EntityManager; actor: Actor }, customerId: string, i: number) {
  const circuit = await services.circuits.create(
    ctx,
    Object.assign(new CreateCircuitInput(), {
      code: `SZ-NEW-${String(i + 1).padStart(4, '0')}`,
      customerId,
      serviceType: CircuitServiceType.INTERNET_DEDICATED_LINE,
      bandwidthMbps: 100,
      aEnd: '客户新址',
      accessTechnology: AccessTechnology.FIBER_PTN,
      status: CircuitStatus.reserved,
    }),
  );
  return services.provisioning.dispatch(
    ctx,
    Object.assign(new DispatchOrderInput(), {
      customerId,
      circuitIds: [circuit.id],
      level: DispatchLevel.BRANCH,
      priority: TicketPriority.MEDIUM,
      description: '新装互联网专线',
    }),
  );
}

/** A line rework planned for the first night every affected customer can still be told in time. */
async function openLiveCutover(services: Services, ctx: { em: EntityManager; actor: Actor }, circuitIds: string[]) {
  const input = (startsAt: Date) =>
    Object.assign(new CutoverInput(), {
      circuitIds,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 4 * 3600_000),
      kind: CutoverKind.LINE_REWORK,
      emergency: false,
    });
  const { earliestStart } = await services.cutovers.plan(ctx, input(new Date()));
  // 01:00 China time the night after the earliest feasible day: a maintenance window.
  const night = new Date(`${new Date(earliestStart.getTime() + 8 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10)}T01:00:00+08:00`);
  return services.cutovers.request(ctx, input(night));
}
