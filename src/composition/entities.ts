import { Attachment } from '../modules/attachments/attachment.entity';
import { HolidayScheduleEntry } from '../modules/calendar/holiday-schedule.entity';
import { Circuit } from '../modules/circuits/circuit.entity';
import { Contact } from '../modules/customers/contact.entity';
import { Customer } from '../modules/customers/customer.entity';
import { HistoryEvent } from '../modules/history/history-event.entity';
import { IdempotencyRecord } from '../modules/idempotency/idempotency-record.entity';
import { ImportedTicket } from '../modules/imports/imported-ticket.entity';
import { QuarterlyReport, QuarterlyReportSection } from '../modules/measures/quarterly-report.entity';
import { CustomerNotification } from '../modules/notifications/customer-notification.entity';
import { Department } from '../modules/org/department.entity';
import { User } from '../modules/org/user.entity';
import { ActivityRecord } from '../modules/processes/activity-record.entity';
import { ProcessDefinition } from '../modules/processes/process-definition.entity';
import { ProcessInstance } from '../modules/processes/process-instance.entity';
import { ProcessTask } from '../modules/processes/process-task.entity';
import { ProcessTimer } from '../modules/processes/process-timer.entity';
import { SlaClock } from '../modules/sla/sla-clock.entity';
import { SlaOverride } from '../modules/tickets/sla-override.entity';
import { Ticket } from '../modules/tickets/ticket.entity';
import { TicketCounter } from '../modules/tickets/ticket-counter.entity';
import { TicketReport } from '../modules/tickets/ticket-report.entity';
import { ProvisioningCircuit } from '../procedures/circuit-provisioning/provisioning-circuit.entity';
import { ProvisioningOrder } from '../procedures/circuit-provisioning/provisioning-order.entity';
import { ProvisioningProject } from '../procedures/circuit-provisioning/provisioning-project.entity';
import { ProvisioningSplit } from '../procedures/circuit-provisioning/provisioning-split.entity';
import { ComplaintFacts } from '../procedures/complaint-handling/complaint-facts.entity';
import { Cutover } from '../procedures/cutover-notice/cutover.entity';
import { CutoverCircuit } from '../procedures/cutover-notice/cutover-circuit.entity';
import { CutoverNoticeRecord } from '../procedures/cutover-notice/cutover-notice.entity';
import { CutoverPolicy } from '../procedures/cutover-notice/cutover-policy.entity';
import { FaultFacts } from '../procedures/fault-handling/fault-facts.entity';
import { HandoverAcceptance } from '../procedures/handover-acceptance/handover-acceptance.entity';
import { HandoverTest } from '../procedures/handover-acceptance/handover-test.entity';
import { PresalesRequest } from '../procedures/presales-support/presales-request.entity';
import { BuildQuote } from '../procedures/resource-check/build-quote.entity';
import { CheckedResource } from '../procedures/resource-check/checked-resource.entity';
import { ResourceCheck } from '../procedures/resource-check/resource-check.entity';
import { ServiceRequestIntake } from '../procedures/service-request/service-request-intake.entity';

/** Every entity the hub persists, the modules' and the procedures'; the ORM and the migration check read this list. */
export const entities = [
  Department,
  User,
  Customer,
  Contact,
  Circuit,
  Ticket,
  TicketReport,
  TicketCounter,
  HistoryEvent,
  ProcessDefinition,
  ProcessInstance,
  ProcessTask,
  ProcessTimer,
  ActivityRecord,
  IdempotencyRecord,
  SlaOverride,
  HolidayScheduleEntry,
  SlaClock,
  CustomerNotification,
  ServiceRequestIntake,
  ComplaintFacts,
  ProvisioningOrder,
  ProvisioningCircuit,
  ProvisioningProject,
  ProvisioningSplit,
  HandoverAcceptance,
  HandoverTest,
  ResourceCheck,
  CheckedResource,
  BuildQuote,
  PresalesRequest,
  Attachment,
  Cutover,
  CutoverNoticeRecord,
  CutoverCircuit,
  CutoverPolicy,
  FaultFacts,
  ImportedTicket,
  QuarterlyReportSection,
  QuarterlyReport,
];
