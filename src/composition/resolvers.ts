import { CalendarResolver } from '../modules/calendar/calendar.resolver';
import { CircuitResolver } from '../modules/circuits/circuit.resolver';
import { CustomerResolver } from '../modules/customers/customer.resolver';
import { ContactFieldsResolver, CustomerFieldsResolver } from '../modules/customers/customer-fields.resolver';
import { FieldChangeResolver, HistoryEventResolver } from '../modules/history/history.resolver';
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
import { ComplaintFactsResolver } from '../procedures/complaint-handling/complaint.resolver';
import { AlarmResolver } from '../procedures/fault-handling/alarm.resolver';
import { InstanceTicketResolver, TicketProcedureResolver } from '../procedures/procedure-fields.resolver';
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
] as const;
