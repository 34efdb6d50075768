import { ProvisioningPurpose } from './provisioning.enums';

/**
 * How 电路开通及测试报告提供及时率 counts, said once: `timeliness` and the center's measures
 * (src/modules/measures) both select from these, so they cannot drift apart.
 *
 * One row per circuit an order provisions: `ticket_id` (the order's ticket), `due_at` (the
 * order's deadline: the circuit counts in the period it falls in) and `met` (activated by then
 * with its test report in by then; null while the order runs, and counted as missed once the
 * deadline has passed).
 */
export const CIRCUITS_TO_ACTIVATE_SQL = `select o.ticket_id, o.overall_due_at as due_at, pc.activated_on_time as met
  from provisioning_circuit pc join provisioning_order o on o.id = pc.order_id
 where o.purpose = '${ProvisioningPurpose.OPEN}'`;

/**
 * One row per provisioning order completed (报竣): `ticket_id`, `completed_at` (the period it
 * counts in) and `cycle_working_days` (working days from the order to its completion).
 */
export const COMPLETED_ORDERS_SQL = `select ticket_id, completed_at, cycle_working_days from provisioning_order
 where purpose = '${ProvisioningPurpose.OPEN}' and completed_at is not null`;
