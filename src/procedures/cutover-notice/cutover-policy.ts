import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import { ServiceLevel } from '../../modules/customers/customer.enums';
import { actingUser } from '../../modules/history/history.service';
import { staleVersion } from '../../shared/domain-error';
import type { ServiceContext } from '../../shared/service-context';
import type { SetCutoverNoticePolicyInput } from './cutover.inputs';
import type { CutoverNoticePolicy } from './cutover.types';
import { CutoverPolicy, POLICY_ID } from './cutover-policy.entity';
import { DEFAULT_LEAD_TIMES, type LeadTimePolicy } from './lead-time.util';

interface PolicyRow {
  working_days: Record<ServiceLevel, number>;
  emergency_hours: number;
  updated_at: string;
  updated_by_id: string | null;
  version: number;
}

/** The lead times in force: an administrator's, else the built-in ones; a level the row lacks keeps its default. */
export async function leadTimePolicy(em: EntityManager): Promise<{ policy: LeadTimePolicy; view: CutoverNoticePolicy }> {
  const [row] = await execSql<PolicyRow>(
    em,
    'select working_days, emergency_hours, updated_at, updated_by_id, version from cutover_policy where id = ?',
    [POLICY_ID],
  );
  const policy: LeadTimePolicy = row
    ? { workingDays: { ...DEFAULT_LEAD_TIMES.workingDays, ...row.working_days }, emergencyHours: row.emergency_hours }
    : DEFAULT_LEAD_TIMES;
  return {
    policy,
    view: {
      leadTimes: Object.values(ServiceLevel).map((serviceLevel) => ({ serviceLevel, workingDays: policy.workingDays[serviceLevel] })),
      emergencyHours: policy.emergencyHours,
      changed: !!row,
      version: row?.version ?? 0,
      updatedAt: row ? new Date(row.updated_at) : null,
      updatedById: row?.updated_by_id ?? null,
    },
  };
}

/** An administrator changes the lead times; cutovers requested from then on count on them (open ones keep theirs). */
export async function setLeadTimePolicy(ctx: ServiceContext, input: SetCutoverNoticePolicyInput, now: Date): Promise<void> {
  await ctx.em.transactional(async (em) => {
    const actor = await actingUser(em, ctx.actor);
    // Two administrators saving at once: the second waits here and then sees the first one's version.
    await execSql(em, 'select pg_advisory_xact_lock(hashtext(?))', ['cutover-policy']);
    const existing = await em.findOne(CutoverPolicy, { id: POLICY_ID });
    const version = existing?.version ?? 0;
    if (input.version !== version) throw staleVersion('CutoverNoticePolicy', POLICY_ID, input.version, version);
    const workingDays = { ...DEFAULT_LEAD_TIMES.workingDays, ...(existing?.workingDays ?? {}) };
    for (const entry of input.leadTimes) workingDays[entry.serviceLevel] = entry.workingDays;
    const values = {
      workingDays,
      emergencyHours: input.emergencyHours ?? existing?.emergencyHours ?? DEFAULT_LEAD_TIMES.emergencyHours,
      updatedAt: now,
      updatedBy: actor ? ref(actor) : null,
    };
    if (existing) Object.assign(existing, values);
    else em.create(CutoverPolicy, { id: POLICY_ID, ...values });
    await em.flush();
  });
}
