import type { FormCheck } from '../../modules/processes/process-task.service';
import { badInput } from '../../shared/domain-error';
import { documentIds } from './handover.handlers';
import { checksOf } from './round-checks';

const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/** The application carries its three documents (V4.4, 4.1): none may be an empty list. */
const application: FormCheck = async (_em, _task, variables) => {
  for (const field of ['signOff', 'completionPlan', 'asBuiltDrawings']) {
    if (documentIds(variables[field]).length === 0)
      throw badInput(`variables.${field}`, `Attach ${field}: the application is accepted with it`);
  }
};

/** Construction organizes the on-site acceptance only once the works are in the resource records. */
const records: FormCheck = async (_em, _task, variables) => {
  if (variables.resourceRecordsEntered !== true) {
    throw badInput('variables.resourceRecordsEntered', 'Enter the works into the resource management system (综合网络资源管理系统) first');
  }
};

/** A failed check says what is wrong: the contractor reworks by it. */
const failuresExplained =
  (task: string): FormCheck =>
  async (_em, _task, variables) => {
    const checks = checksOf(task);
    const failed = checks.filter((check) => variables[check.field] === false);
    const remarkField = checks[0]?.remarkField;
    if (failed.length > 0 && remarkField && blank(variables[remarkField])) {
      throw badInput(
        `variables.${remarkField}`,
        `Say what failed (${failed.map((c) => c.field).join(', ')}): the contractor reworks by it`,
      );
    }
  };

/** Sending the works back needs a reason: it is the defect the contractor fixes. */
const reasonWhen =
  (flag: string, remarkField: string): FormCheck =>
  async (_em, _task, variables) => {
    if (variables[flag] === false && blank(variables[remarkField])) {
      throw badInput(`variables.${remarkField}`, 'Say why it goes back to the contractor: it is the defect to fix');
    }
  };

/** The procedure's checks of its forms, by task element id. */
export const handoverFormChecks: Readonly<Record<string, FormCheck>> = {
  submitApplication: application,
  enterRecords: records,
  onSiteTests: failuresExplained('onSiteTests'),
  lineTestTrans: failuresExplained('lineTestTrans'),
  lineTestRegion: failuresExplained('lineTestRegion'),
  confirmResults: reasonWhen('overallPassed', 'confirmRemark'),
  finalApproval: reasonWhen('approved', 'approvalRemark'),
};
