import { TicketStatus as S } from './ticket.enums';

/** TMF621 transitions the center allows. Closed, cancelled and rejected are final. */
const allowed: Record<S, readonly S[]> = {
  [S.acknowledged]: [S.inProgress, S.pending, S.held, S.rejected, S.cancelled],
  [S.inProgress]: [S.pending, S.held, S.resolved, S.cancelled],
  [S.pending]: [S.inProgress, S.resolved, S.cancelled],
  [S.held]: [S.inProgress, S.cancelled],
  [S.resolved]: [S.closed, S.inProgress],
  [S.closed]: [],
  [S.cancelled]: [],
  [S.rejected]: [],
};

export const allowedTransitions = (from: S): readonly S[] => allowed[from];

export const canTransition = (from: S, to: S): boolean => allowed[from].includes(to);

/** States in which a ticket still needs work, so its deadlines can be missed. */
export const openStatuses: readonly S[] = [S.acknowledged, S.inProgress, S.pending, S.held];

export const isFinal = (status: S): boolean => allowed[status].length === 0;
