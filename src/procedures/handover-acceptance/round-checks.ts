import { HandoverTestKind } from './handover-acceptance.enums';

/** One pass/fail field of a round's forms: which task asks it, and the department that answers. */
export interface RoundCheck {
  kind: HandoverTestKind;
  /** the user task of processes/handover-acceptance.bpmn whose form holds it */
  task: 'onSiteTests' | 'lineTestTrans' | 'lineTestRegion';
  /** the boolean form field */
  field: string;
  /** the form field the checker explains a failure in */
  remarkField: string;
  department: 'KX' | 'TRANS' | 'REGION';
  label: string;
}

const onSite = { task: 'onSiteTests', remarkField: 'onSiteRemark', department: 'KX' } as const;
const trans = { task: 'lineTestTrans', remarkField: 'transRemark', department: 'TRANS' } as const;
const region = { task: 'lineTestRegion', remarkField: 'regionRemark', department: 'REGION' } as const;

/**
 * Every check of one acceptance round (V4.4, 4.3-4.5). The diagram's forms declare these fields;
 * this table is how the hub reads them, so the two are kept together by the procedure's tests.
 */
export const ROUND_CHECKS: readonly RoundCheck[] = [
  { ...onSite, kind: HandoverTestKind.RECORDS, field: 'recordsAccurate', label: '资源系统资料 resource records' },
  { ...onSite, kind: HandoverTestKind.TRANSMISSION, field: 'transmissionTest', label: '传输设备 transmission equipment' },
  { ...onSite, kind: HandoverTestKind.INTEGRATION, field: 'integrationTest', label: '集成设备 integration equipment' },
  { ...onSite, kind: HandoverTestKind.WORKMANSHIP, field: 'workmanshipTest', label: '施工工艺 workmanship' },
  { ...onSite, kind: HandoverTestKind.SERVICE_DIAL, field: 'serviceDialTest', label: '业务拨测 service dial test' },
  { ...trans, kind: HandoverTestKind.FIBER, field: 'fiberTest', label: '光缆 fiber' },
  { ...trans, kind: HandoverTestKind.DUCT, field: 'ductTest', label: '管线 ducts' },
  { ...trans, kind: HandoverTestKind.ACCESS_EQUIPMENT, field: 'accessEquipmentTest', label: '基站接入设备 access equipment' },
  { ...region, kind: HandoverTestKind.LINE, field: 'lineTest', label: '设备线路 equipment lines' },
  { ...region, kind: HandoverTestKind.ASSETS, field: 'assetsConfirmed', label: '资产确认 assets' },
];

export interface CheckResult {
  kind: HandoverTestKind;
  passed: boolean;
  department: string;
  remark: string | null;
}

const textOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** The round's results as its three forms answered them (the instance's variables after the join). */
export function roundResults(variables: Readonly<Record<string, unknown>>): CheckResult[] {
  return ROUND_CHECKS.map((check) => ({
    kind: check.kind,
    // The forms require every field; a missing one would be a diagram out of step: count it failed.
    passed: variables[check.field] === true,
    department: check.department,
    remark: textOf(variables[check.remarkField]),
  }));
}

/** What the contractor is sent back to fix: each failed check, by whom, with the checker's words. */
export function defectsOf(results: readonly CheckResult[]): string[] {
  return results
    .filter((result) => !result.passed)
    .map((result) => {
      const check = ROUND_CHECKS.find((c) => c.kind === result.kind);
      return `${check?.label ?? result.kind} failed (${result.department})${result.remark ? `: ${result.remark}` : ''}`;
    });
}

/** The checks a task's form answers, for its form check. */
export const checksOf = (task: string): RoundCheck[] => ROUND_CHECKS.filter((check) => check.task === task);
