import { Role } from '../org/role.enum';

/**
 * Who may use each root field, named once. Every query, mutation and subscription carries
 * `@Authorized(...one of these)`; the schema is refused at boot when one does not
 * (`assertEveryRootFieldDeclaresAccess`), so nothing is open by default.
 */

/** In an `@Authorized(...)` list: customer tokens may use it too (narrowed to their customer). */
export const CUSTOMER_ACCESS = 'CUSTOMER';

const ALL_ROLES = Object.values(Role);

/** Staff who work on the center's records: every role but contractors, who work through their tasks. */
export const CENTER_STAFF: readonly string[] = ALL_ROLES.filter((role) => role !== Role.CONTRACTOR);

/** Who reads the center's customers, circuits and tickets: the center's staff, and customer tokens. */
export const READ_CENTER_DATA: readonly string[] = [...CENTER_STAFF, CUSTOMER_ACCESS];

/** Who works on user tasks: every role, contractors included (a task still goes only to its candidates). */
export const TASK_WORKERS: readonly string[] = ALL_ROLES;

/**
 * Who reads documents (attachments): every role, since a contractor hands in as-built drawings
 * through a task and reads back its own uploads, and customer tokens (their own tickets' only).
 * Which attachment each may see is the attachments module's rule (attachment-access.ts).
 */
export const READ_ATTACHMENTS: readonly string[] = [...TASK_WORKERS, CUSTOMER_ACCESS];

/** Who keeps the customer directory: the people who talk to customers. */
export const EDIT_CUSTOMERS: readonly string[] = [Role.RESPONSE_CENTER, Role.ACCOUNT_MANAGER, Role.SUPERVISOR, Role.ADMIN];

/** Who keeps the circuit inventory. */
export const EDIT_CIRCUITS: readonly string[] = [
  Role.RESPONSE_CENTER,
  Role.NETWORK_SERVICE_MANAGER,
  Role.OPERATIONS,
  Role.SUPERVISOR,
  Role.ADMIN,
];

/**
 * Who raises OSS alarms: the network's monitoring integration signs in as an operations account
 * (network monitoring sits in O&M), and the center's staff may enter an alarm seen by phone.
 */
export const RAISE_ALARMS: readonly string[] = [Role.OPERATIONS, Role.NETWORK_SERVICE_MANAGER, Role.RESPONSE_CENTER, Role.ADMIN];

/**
 * Who raises sales' requests to the center (a resource check, presales support 协查单): account managers (集团客户部), and
 * the center on their behalf; supervisors and administrators too. Departments answer them through tasks.
 */
export const RAISE_SALES_REQUESTS: readonly string[] = [Role.ACCOUNT_MANAGER, Role.RESPONSE_CENTER, Role.SUPERVISOR, Role.ADMIN];

/**
 * Who requests a handover acceptance (交维验收): network construction, which organizes it, and the
 * center; never contractors (they apply through their task) nor customers.
 */
export const REQUEST_HANDOVER_ACCEPTANCE: readonly string[] = [Role.CONSTRUCTION, Role.RESPONSE_CENTER, Role.SUPERVISOR, Role.ADMIN];

/**
 * Who enters circuit dispatch orders and service closures as they arrive from above: the center,
 * operations (the branch's O&M receives the dispatch orders) and their supervisors.
 */
export const PROVISION_CIRCUITS: readonly string[] = [Role.RESPONSE_CENTER, Role.OPERATIONS, Role.SUPERVISOR, Role.ADMIN];

/**
 * The two root fields a federation subgraph adds (src/graphql/federation.ts), which no resolver
 * declares: the SDL for the center's integrators, and entity references for whoever may read the
 * center's data (each entity then narrowed to what the token may read).
 */
export const FEDERATION_ACCESS: Readonly<Record<string, readonly string[]>> = {
  'Query._service': CENTER_STAFF,
  'Query._entities': READ_CENTER_DATA,
};

/**
 * Who plans and requests network cutovers (割接预通告): the network teams that carry them out
 * (operations, construction), and the center, supervisors and administrators on their behalf.
 * The center approves and account managers tell customers through their tasks; customers never plan.
 */
export const PLAN_CUTOVERS: readonly string[] = [Role.OPERATIONS, Role.CONSTRUCTION, Role.RESPONSE_CENTER, Role.SUPERVISOR, Role.ADMIN];

/** Who repairs running procedures: retries incidents and cancels instances. */
export const REPAIR_PROCESSES: readonly string[] = [Role.PROCESS_OWNER, Role.SUPERVISOR, Role.ADMIN];

/** Who reassigns or releases someone else's task (a supervisor only within their department). */
export const ASSIGN_TASKS: readonly string[] = [Role.SUPERVISOR, Role.ADMIN];

/** Who deploys diagrams and moves instances between versions. */
export const OWN_PROCESSES: readonly string[] = [Role.PROCESS_OWNER, Role.ADMIN];

/**
 * Who writes and submits the quarterly report (季报): the response center, which reports upward,
 * and its supervisors and administrators. Every member of staff may read it.
 */
export const WRITE_QUARTERLY_REPORT: readonly string[] = [Role.RESPONSE_CENTER, Role.SUPERVISOR, Role.ADMIN];

/** Who runs the hub: staff, departments, the SLA policy. */
export const ADMINISTER: readonly string[] = [Role.ADMIN];

/** Who sees customers' contact people (confidential, 客户中心质量管理制度办法): the roles that talk to customers. */
export const READ_CONTACTS: readonly string[] = [
  Role.RESPONSE_CENTER,
  Role.ACCOUNT_MANAGER,
  Role.NETWORK_SERVICE_MANAGER,
  Role.SUPERVISOR,
  Role.ADMIN,
];

/**
 * Contractors see the center only through their own work: the tasks offered to their department
 * or role, or assigned to them. A user who also holds a center role sees what that role sees.
 */
export const worksOnlyThroughTasks = (roles: readonly string[]): boolean =>
  roles.length > 0 && roles.every((role) => role === Role.CONTRACTOR);
