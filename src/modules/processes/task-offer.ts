/** Whom a task is offered to: a department, a role, or a role within a department ("OPS supervisors"). */
export interface TaskOffer {
  candidateDepartment?: string | null;
  candidateRole?: string | null;
}

/**
 * Whether a member of staff is among those a task is offered to. A task naming both a department
 * and a role is offered to that role within that department (an escalation to the owner
 * department's supervisors), not to the department and every holder of the role.
 */
export function isOfferedTo(task: TaskOffer, user: { departmentCode: string | null; roles: readonly string[] }): boolean {
  const department = task.candidateDepartment ?? null;
  const role = task.candidateRole ?? null;
  if (!department && !role) return true;
  return (!department || user.departmentCode === department) && (!role || user.roles.includes(role));
}

/** The same, as SQL over process_task, with the user's department code and roles as the two parameters. */
export const OFFERED_TO_SQL = `((candidate_department is not null or candidate_role is not null)
  and (candidate_department is null or candidate_department = ?) and (candidate_role is null or candidate_role = any(?::text[])))`;
