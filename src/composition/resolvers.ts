import { AttachmentResolver, TicketAttachmentsResolver } from '../modules/attachments/attachment.resolver';
import { CalendarResolver } from '../modules/calendar/calendar.resolver';
import { CircuitResolver } from '../modules/circuits/circuit.resolver';
import { CustomerResolver } from '../modules/customers/customer.resolver';
import { ContactFieldsResolver, CustomerFieldsResolver } from '../modules/customers/customer-fields.resolver';
import { FieldChangeResolver, HistoryEventResolver } from '../modules/history/history.resolver';
import { ImportResolver, TicketImportResolver } from '../modules/imports/import.resolver';
import { MeasuresResolver } from '../modules/measures/measures.resolver';
import { QuarterlyReportResolver, ReportNarrativeResolver } from '../modules/measures/quarterly-report.resolver';
import {
  CustomerNotificationFieldsResolver,
  CustomerNotificationsResolver,
  TicketNotificationsResolver,
} from '../modules/notifications/notification-fields.resolver';
import { OrgResolver } from '../modules/org/org.resolver';
import { ProcessDefinitionResolver } from '../modules/processes/process-definition.resolver';
import { ProcessInstanceResolver } from '../modules/processes/process-instance.resolver';
import { ActivityRecordResolver, ProcessTaskResolver } from '../modules/processes/process-task.resolver';
import { ProcessValidationResolver } from '../modules/processes/process-validation.resolver';
import { ProcessSubscriptionResolver } from '../modules/realtime/process-subscription.resolver';
import { TicketSubscriptionResolver } from '../modules/realtime/ticket-subscription.resolver';
import { SlaAlertResolver, TicketSlaResolver } from '../modules/sla/sla.resolver';
import { SlaPolicyResolver } from '../modules/tickets/sla-policy.resolver';
import { TicketResolver } from '../modules/tickets/ticket.resolver';
import { TicketFieldsResolver, TicketReportFieldsResolver } from '../modules/tickets/ticket-fields.resolver';
import { ProvisioningResolver } from '../procedures/circuit-provisioning/provisioning.resolver';
import {
  ProvisionedCircuitFieldsResolver,
  ProvisioningFieldsResolver,
  ProvisioningProjectFieldsResolver,
  TicketProvisioningResolver,
} from '../procedures/circuit-provisioning/provisioning-fields.resolver';
import { ComplaintFactsResolver } from '../procedures/complaint-handling/complaint.resolver';
import { CutoverResolver, TicketCutoverResolver } from '../procedures/cutover-notice/cutover.resolver';
import {
  CutoverFieldsResolver,
  CutoverNoticeFieldsResolver,
  CutoverPolicyFieldsResolver,
  CutoverTaskResolver,
} from '../procedures/cutover-notice/cutover-fields.resolver';
import { AlarmResolver } from '../procedures/fault-handling/alarm.resolver';
import {
  HandoverAcceptanceFieldsResolver,
  HandoverAcceptanceResolver,
  HandoverCircuitResolver,
  HandoverContractorResolver,
  HandoverTaskResolver,
} from '../procedures/handover-acceptance/handover-acceptance.resolver';
import { PresalesRequestResolver, PresalesTicketResolver } from '../procedures/presales-support/presales.resolver';
import { InstanceTicketResolver, TicketProcedureResolver } from '../procedures/procedure-fields.resolver';
import { ResourceCheckFieldsResolver, ResourceCheckResolver } from '../procedures/resource-check/resource-check.resolver';
import { ServiceRequestResolver } from '../procedures/service-request/service-request.resolver';

/** Every resolver of the hub, the modules' and the procedures'; the schema is built from this list. */
export const resolvers = [
  OrgResolver,
  CustomerResolver,
  CustomerFieldsResolver,
  ContactFieldsResolver,
  CircuitResolver,
  TicketResolver,
  TicketFieldsResolver,
  TicketReportFieldsResolver,
  HistoryEventResolver,
  FieldChangeResolver,
  TicketSubscriptionResolver,
  ProcessDefinitionResolver,
  ProcessInstanceResolver,
  ProcessValidationResolver,
  ProcessTaskResolver,
  ActivityRecordResolver,
  ProcessSubscriptionResolver,
  SlaPolicyResolver,
  CalendarResolver,
  TicketSlaResolver,
  SlaAlertResolver,
  TicketProcedureResolver,
  InstanceTicketResolver,
  TicketNotificationsResolver,
  CustomerNotificationsResolver,
  CustomerNotificationFieldsResolver,
  ServiceRequestResolver,
  AlarmResolver,
  ComplaintFactsResolver,
  HandoverAcceptanceResolver,
  HandoverAcceptanceFieldsResolver,
  HandoverContractorResolver,
  HandoverCircuitResolver,
  HandoverTaskResolver,
  ResourceCheckResolver,
  ResourceCheckFieldsResolver,
  PresalesTicketResolver,
  PresalesRequestResolver,
  AttachmentResolver,
  TicketAttachmentsResolver,
  ProvisioningResolver,
  TicketProvisioningResolver,
  ProvisioningFieldsResolver,
  ProvisionedCircuitFieldsResolver,
  ProvisioningProjectFieldsResolver,
  CutoverResolver,
  TicketCutoverResolver,
  CutoverNoticeFieldsResolver,
  CutoverFieldsResolver,
  CutoverPolicyFieldsResolver,
  CutoverTaskResolver,
  MeasuresResolver,
  QuarterlyReportResolver,
  ReportNarrativeResolver,
  ImportResolver,
  TicketImportResolver,
] as const;
