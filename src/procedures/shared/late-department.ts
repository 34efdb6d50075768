import { execSql } from '../../db/plain-rows';
import type { ServiceCall } from '../../modules/processes/engine/service-registry';
import { TaskStatus } from '../../modules/processes/process.enums';

/**
 * The department the instance's open work is offered to (fault handling's maintainer, a
 * complaint's handling department): whichever variable a diagram chose it in, the task row
 * holds it, so reminders and chases of every procedure name it the same way.
 */
export async function lateDepartment(call: ServiceCall): Promise<string> {
  const [task] = await execSql<{ candidate_department: string }>(
    call.em,
    'select candidate_department from process_task where instance_id = ? and status = ? and candidate_department is not null order by created_at limit 1',
    [call.instanceId, TaskStatus.OPEN],
  );
  return task?.candidate_department ?? 'the department working on it';
}
