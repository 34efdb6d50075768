/**
 * What the in-page lint knows of the hub that no query tells: the staff roles (schema enum Role;
 * a test keeps this list equal to src/modules/org/role.enum.ts) and how a service task names its
 * handler.
 */
export const ROLES = [
  'ACCOUNT_MANAGER',
  'RESPONSE_CENTER',
  'NETWORK_SERVICE_MANAGER',
  'OPERATIONS',
  'CONSTRUCTION',
  'OPTIMIZATION',
  'PROCUREMENT',
  'MAINTENANCE_UNIT',
  'CONTRACTOR',
  'SUPERVISOR',
  'PROCESS_OWNER',
  'ADMIN',
] as const;

const HANDLER = /\$\{environment\.services\.([A-Za-z_$][\w$]*)\}/g;

/**
 * Handlers the deployed diagrams call: the hub registered each of them (a diagram naming another
 * would not have deployed). The hub may know more; its validation is the word that counts.
 */
export function handlersIn(xmls: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const xml of xmls) for (const match of xml.matchAll(HANDLER)) names.add(match[1]);
  return [...names].sort();
}

/** Schema enums the board filters by (kept equal to the server's enums by a test). */
export const TICKET_KINDS = [
  'FAULT',
  'COMPLAINT',
  'CONSULTATION',
  'PRESALES_SUPPORT',
  'RESOURCE_CHECK',
  'CIRCUIT_DISPATCH',
  'CUTOVER_NOTICE',
  'HANDOVER_ACCEPTANCE',
  'EMERGENCY',
] as const;

export const SERVICE_LEVELS = ['DIAMOND', 'GOLD', 'SILVER', 'BRONZE', 'STANDARD'] as const;

export const TICKET_STATUSES = ['acknowledged', 'inProgress', 'pending', 'held', 'resolved', 'closed', 'cancelled', 'rejected'] as const;

/** Still being worked on: what the board shows unless asked for all. */
export const OPEN_STATUSES = ['acknowledged', 'inProgress', 'pending', 'held'] as const;

/** Who writes and submits the quarterly report (src/modules/auth/access.ts WRITE_QUARTERLY_REPORT; a test keeps them equal). */
export const WRITE_QUARTERLY_REPORT = ['RESPONSE_CENTER', 'SUPERVISOR', 'ADMIN'] as const;

/** The report's narrative sections (schema enum ReportSection), in the report's order. */
export const REPORT_SECTIONS = [
  { section: 'TYPICAL_CASES', field: 'typicalCases', title: '6. 典型案例分析 Typical cases: the analysis' },
  { section: 'PROBLEMS_AND_SUGGESTIONS', field: 'problemsAndSuggestions', title: '7. 问题及建议 Problems and suggestions' },
  { section: 'NEXT_QUARTER_PLAN', field: 'nextQuarterPlan', title: '8. 下季度工作计划 Next quarter’s plan' },
] as const;

export const mayWriteReport = (roles: readonly string[]): boolean =>
  roles.some((role) => (WRITE_QUARTERLY_REPORT as readonly string[]).includes(role));
