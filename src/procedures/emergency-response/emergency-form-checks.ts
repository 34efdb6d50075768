import { execSql } from '../../db/plain-rows';
import type { FormCheck } from '../../modules/processes/process-task.service';
import { ReportKind } from '../../modules/tickets/ticket.enums';
import { badInput } from '../../shared/domain-error';
import { circuitCodesIn, MAX_AFFECTED_CIRCUITS, unknownCircuitCodes } from './affected-circuits.util';

/**
 * The assessment names circuits that exist (a mistyped code would leave its customer untold), and
 * an important emergency says when service is expected back: that is what customers are told.
 */
export const checkAssessment: FormCheck = async (em, _task, variables) => {
  const codes = circuitCodesIn(variables.affectedCircuits);
  if (codes.length > MAX_AFFECTED_CIRCUITS) {
    throw badInput('affectedCircuits', `At most ${MAX_AFFECTED_CIRCUITS} circuits; ${codes.length} were named`);
  }
  const unknown = await unknownCircuitCodes(em, codes);
  if (unknown.length > 0) {
    throw badInput('affectedCircuits', `No circuit has the code ${unknown.slice(0, 10).join(', ')}`, {
      unknownCircuits: unknown.slice(0, 50),
    });
  }
  if (variables.level === 'IMPORTANT' && typeof variables.expectedRecoveryAt !== 'string') {
    throw badInput('expectedRecoveryAt', 'An important emergency needs the expected recovery: customers are told it');
  }
};

/** The review is done with its report: the REVIEW report (submitReport) is on file before the task completes. */
export const checkReviewReport: FormCheck = async (em, task) => {
  if (!task.ticketId) return;
  const [row] = await execSql<{ found: boolean }>(
    em,
    'select exists(select 1 from ticket_report where ticket_id = ? and kind = ?) as found',
    [task.ticketId, ReportKind.REVIEW],
  );
  if (row?.found !== true) throw badInput('report', 'Submit the review report first (submitReport with kind REVIEW)');
};
