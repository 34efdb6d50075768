import { registerEnumType } from 'type-graphql';

/** What the network team does (割接预通告: 网络调整、割接、线路整改、版本升级). */
export enum CutoverKind {
  ADJUSTMENT = 'ADJUSTMENT',
  CUTOVER = 'CUTOVER',
  LINE_REWORK = 'LINE_REWORK',
  UPGRADE = 'UPGRADE',
}

/** Where a requested cutover stands. */
export enum CutoverStatus {
  /** an important or cross-region customer is affected: the response center decides first */
  AWAITING_APPROVAL = 'AWAITING_APPROVAL',
  /** the center refused it, with a reason */
  REFUSED = 'REFUSED',
  /** account managers are telling their customers */
  NOTIFYING = 'NOTIFYING',
  /** a gold or diamond customer refused the time: the network team picks another */
  RESCHEDULING = 'RESCHEDULING',
  /** inside its window: the affected circuits are under cutover */
  UNDER_WAY = 'UNDER_WAY',
  /** the window closed: each circuit's service is being verified */
  VERIFYING = 'VERIFYING',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** Where telling one customer stands, in the cutover's current round. */
export enum CutoverNoticeStatus {
  /** a plan's notice: nothing is stored, nobody is asked yet */
  PLANNED = 'PLANNED',
  /** stored, waiting for the center's approval before anyone is told */
  PENDING = 'PENDING',
  /** its account manager has the task of telling the customer */
  OPEN = 'OPEN',
  /** the customer was told and accepts the time */
  TOLD = 'TOLD',
  /** the customer (gold or diamond) was told and refused the time */
  REFUSED = 'REFUSED',
  /** the window opened before the customer was told */
  MISSED = 'MISSED',
  /** the cutover was refused or cancelled before the customer was told */
  CANCELLED = 'CANCELLED',
}

registerEnumType(CutoverKind, { name: 'CutoverKind', description: 'network adjustment, cutover, line rework or version upgrade' });
registerEnumType(CutoverStatus, { name: 'CutoverStatus' });
registerEnumType(CutoverNoticeStatus, { name: 'CutoverNoticeStatus' });
