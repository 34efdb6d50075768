import { TicketSeverity } from '../../modules/tickets/ticket.enums';

/** How many complaints on one matter within the window make it major (web forums included). */
export const SAME_MATTER_MAJOR = 10;
export const SAME_MATTER_WINDOW_DAYS = 30;
/** More affected sites than this make a complaint major. */
export const MAJOR_SITES = 20;

export interface ComplaintGradeFacts {
  affectedSites: number;
  safetyRisk: boolean;
  publicExposureRisk: boolean;
  massIncident: boolean;
  /** complaints on the same matter within the window, this one included */
  sameMatterCount: number;
}

/** DOMAIN.md procedure 5: crisis for mass incidents; major for the risks and counts below; else ordinary. */
export function gradeComplaint(facts: ComplaintGradeFacts): { severity: TicketSeverity; reasons: string[] } {
  if (facts.massIncident) return { severity: TicketSeverity.CRISIS, reasons: ['mass incident'] };
  const reasons: string[] = [];
  if (facts.sameMatterCount >= SAME_MATTER_MAJOR) {
    reasons.push(`${facts.sameMatterCount} complaints on this matter within ${SAME_MATTER_WINDOW_DAYS} days`);
  }
  if (facts.affectedSites > MAJOR_SITES) reasons.push(`${facts.affectedSites} affected sites`);
  if (facts.safetyRisk) reasons.push('safety risk');
  if (facts.publicExposureRisk) reasons.push('risk of lawsuits or media exposure');
  return { severity: reasons.length ? TicketSeverity.MAJOR : TicketSeverity.ORDINARY, reasons };
}

/** Complaints on one matter are grouped however the matter was typed: spaces and case do not split them. */
export const matterKeyOf = (matter: string): string => matter.trim().replace(/\s+/g, ' ').toLowerCase();
