import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock';
import type { ServiceContext } from '../../shared/service-context';
import { ServiceLevel } from '../customers/customer.enums';
import { actingUser } from '../history/history.service';
import { SlaOverride } from './sla-override.entity';
import { type PolicySpans, spansFor } from './sla-policy';
import { fromSpan, type SetSlaPolicyInput, type SlaPolicyEntry, toSpan } from './sla-policy.types';
import { TicketKind, TicketPriority } from './ticket.enums';

/** The SLA policy in force: the built-in defaults, with administrators' overrides per kind and level. */
export class SlaPolicyService {
  constructor(private readonly clock: Clock) {}

  async entries(em: EntityManager): Promise<SlaPolicyEntry[]> {
    const overrides = await em.find(SlaOverride, {});
    const entries: SlaPolicyEntry[] = [];
    for (const kind of Object.values(TicketKind)) {
      for (const level of Object.values(ServiceLevel)) {
        const override = overrides.find((o) => o.kind === kind && o.level === level);
        // Defaults are shown for a medium-priority ticket; overrides apply to every priority.
        const spans = override ?? spansFor({ kind, level, priority: TicketPriority.MEDIUM, severity: null });
        entries.push({
          kind,
          level,
          response: fromSpan(spans.response),
          resolution: fromSpan(spans.resolution),
          report: spans.report ? fromSpan(spans.report) : null,
          overridden: !!override,
        });
      }
    }
    return entries;
  }

  /** The override for a ticket about to be opened, if an administrator set one. */
  async overrideFor(em: EntityManager, kind: TicketKind, level: ServiceLevel): Promise<PolicySpans | null> {
    const found = await em.findOne(SlaOverride, { kind, level });
    return found ? { response: found.response, resolution: found.resolution, report: found.report ?? null } : null;
  }

  async set(ctx: ServiceContext, input: SetSlaPolicyInput): Promise<SlaPolicyEntry> {
    await ctx.em.transactional(async (em) => {
      const actor = await actingUser(em, ctx.actor);
      const existing = await em.findOne(SlaOverride, { kind: input.kind, level: input.level });
      const values = {
        response: toSpan(input.response),
        resolution: toSpan(input.resolution),
        report: input.report ? toSpan(input.report) : null,
        updatedAt: this.clock.now(),
        updatedBy: actor ? ref(actor) : null,
      };
      if (existing) Object.assign(existing, values);
      else em.create(SlaOverride, { kind: input.kind, level: input.level, ...values });
      await em.flush();
    });
    const entries = await this.entries(ctx.em.fork());
    return entries.find((e) => e.kind === input.kind && e.level === input.level) as SlaPolicyEntry;
  }
}
