import { execSql } from '../../db/plain-rows';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import { ReportKind } from '../../modules/tickets/ticket.enums';

/**
 * Whether the fault report is in already. Messages are not buffered, so a report submitted while
 * the service was still being restored would otherwise leave the procedure waiting for it forever.
 */
export const faultReportOnFile: ServiceHandler = async (call) => {
  if (!call.ticketId) return { faultReportOnFile: false };
  const [row] = await execSql<{ found: boolean }>(
    call.em,
    'select exists(select 1 from ticket_report where ticket_id = ? and kind = ?) as found',
    [call.ticketId, ReportKind.FAULT],
  );
  return { faultReportOnFile: row?.found === true };
};
