import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import type { Clock } from '../../shared/clock';
import { noteOnTicket } from '../shared/ticket-note';
import { BuildQuote } from './build-quote.entity';
import { checkDurations, describeFinding } from './duration-rules.util';
import { quoteFieldsOf, readQuote } from './quote-variables';
import { ResourceCheck } from './resource-check.entity';
import { QuoteDecision, type QuotePart } from './resource-check.enums';

/**
 * After a construction department quoted (with procurement's cost and cycle): the quote is kept
 * as a new round and checked against the duration rules; one over a rule is flagged for the
 * center (`<part>OverRule`), and the finding recorded on the ticket.
 */
export const checkQuote =
  (part: QuotePart, clock: Clock): ServiceHandler =>
  async (call) => {
    const fields = quoteFieldsOf(part);
    const quote = readQuote(part, call.variables);
    const check = call.ticketId ? await call.em.findOne(ResourceCheck, { ticketId: call.ticketId }) : null;
    if (!quote || !check || !call.ticketId) return { [fields.overRule]: false, [fields.findings]: [] };
    const findings = checkDurations(quote).map(describeFinding);
    const round = (await call.em.count(BuildQuote, { checkId: check.id, part })) + 1;
    const now = clock.now();
    call.em.create(BuildQuote, { checkId: check.id, part, round, ...quote, overRule: findings.length > 0, findings, quotedAt: now });
    await call.em.flush();
    if (findings.length) {
      await noteOnTicket(
        call.em,
        call.ticketId,
        now,
        `工期超标: the ${part} quote (round ${round}) is over its duration rule: ${findings.join('; ')}`,
      );
    }
    return { [fields.overRule]: findings.length > 0, [fields.findings]: findings };
  };

/** The center's decision on a quote over its rule, on the quote's latest round and in the ticket's history. */
export const recordDecision =
  (part: QuotePart, clock: Clock): ServiceHandler =>
  async (call) => {
    const fields = quoteFieldsOf(part);
    const decision = call.variables[fields.decision] === QuoteDecision.ACCEPT ? QuoteDecision.ACCEPT : QuoteDecision.PUSH_BACK;
    const reasonValue = call.variables[fields.decisionReason];
    const reason = typeof reasonValue === 'string' && reasonValue.trim() ? reasonValue.trim() : null;
    const check = call.ticketId ? await call.em.findOne(ResourceCheck, { ticketId: call.ticketId }) : null;
    if (!check || !call.ticketId) return undefined;
    const [latest] = await call.em.find(BuildQuote, { checkId: check.id, part }, { orderBy: { round: 'desc' }, limit: 1 });
    if (latest) {
      latest.decision = decision;
      latest.decisionReason = reason;
      await call.em.flush();
    }
    const what = decision === QuoteDecision.ACCEPT ? '接受 (accepted over its rule)' : '退回重报 (pushed back to answer again)';
    await noteOnTicket(
      call.em,
      call.ticketId,
      clock.now(),
      `${what}: the ${part} quote, round ${latest?.round ?? '?'}${reason ? `: ${reason}` : ''}`,
    );
    return undefined;
  };
