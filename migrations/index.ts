import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124191659_Initial } from './Migration20261124191659_Initial';
import { Migration20261124191700_Departments } from './Migration20261124191700_Departments';
import { Migration20261124200634_Processes } from './Migration20261124200634_Processes';
import { Migration20261124204703_Idempotency } from './Migration20261124204703_Idempotency';
import { Migration20261124210000_BootstrapAdmin } from './Migration20261124210000_BootstrapAdmin';
import { Migration20261124211246_SlaOverrides } from './Migration20261124211246_SlaOverrides';
import { Migration20261201194000_UserActive } from './Migration20261201194000_UserActive';
import { Migration20261201195000_HistoryCustomerVisible } from './Migration20261201195000_HistoryCustomerVisible';
import { Migration20261201200000_IdempotencyRequestHash } from './Migration20261201200000_IdempotencyRequestHash';
import { Migration20261201201000_HolidaySchedule } from './Migration20261201201000_HolidaySchedule';
import { Migration20261201210000_TaskAssignedBy } from './Migration20261201210000_TaskAssignedBy';
import { Migration20261201212000_DeployProvenance } from './Migration20261201212000_DeployProvenance';
import { Migration20261201214000_InstanceTicket } from './Migration20261201214000_InstanceTicket';
import { Migration20261201216000_SlaClocks } from './Migration20261201216000_SlaClocks';
import { Migration20261201218000_ProvisionalDeadlines } from './Migration20261201218000_ProvisionalDeadlines';
import { Migration20261202100000_DeadlineTimers } from './Migration20261202100000_DeadlineTimers';
import { Migration20261202110000_ComplaintFacts } from './Migration20261202110000_ComplaintFacts';
import { Migration20261202120000_CustomerNotifications } from './Migration20261202120000_CustomerNotifications';
import { Migration20261202130000_ServiceRequestIntake } from './Migration20261202130000_ServiceRequestIntake';
import { Migration20261203100000_ResourceChecks } from './Migration20261203100000_ResourceChecks';
import { Migration20261203110000_CircuitProvisioning } from './Migration20261203110000_CircuitProvisioning';
import { Migration20261203120000_HandoverAcceptance } from './Migration20261203120000_HandoverAcceptance';
import { Migration20261203130000_Attachments } from './Migration20261203130000_Attachments';
import { Migration20261203140000_CalledProcedures } from './Migration20261203140000_CalledProcedures';
import { Migration20261203150000_PresalesRequests } from './Migration20261203150000_PresalesRequests';
import { Migration20261203160000_CutoverNotices } from './Migration20261203160000_CutoverNotices';
import { Migration20261203170000_Measures } from './Migration20261203170000_Measures';
import { Migration20261204100000_TimerClaims } from './Migration20261204100000_TimerClaims';

/**
 * Every migration, oldest first. `npm run migration:create` writes a new file and adds it here;
 * a test fails when the entities and the migrated schema differ.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124191659_Initial', class: Migration20261124191659_Initial },
  { name: 'Migration20261124191700_Departments', class: Migration20261124191700_Departments },
  { name: 'Migration20261124200634_Processes', class: Migration20261124200634_Processes },
  { name: 'Migration20261124204703_Idempotency', class: Migration20261124204703_Idempotency },
  { name: 'Migration20261124210000_BootstrapAdmin', class: Migration20261124210000_BootstrapAdmin },
  { name: 'Migration20261124211246_SlaOverrides', class: Migration20261124211246_SlaOverrides },
  { name: 'Migration20261201194000_UserActive', class: Migration20261201194000_UserActive },
  { name: 'Migration20261201195000_HistoryCustomerVisible', class: Migration20261201195000_HistoryCustomerVisible },
  { name: 'Migration20261201200000_IdempotencyRequestHash', class: Migration20261201200000_IdempotencyRequestHash },
  { name: 'Migration20261201201000_HolidaySchedule', class: Migration20261201201000_HolidaySchedule },
  { name: 'Migration20261201210000_TaskAssignedBy', class: Migration20261201210000_TaskAssignedBy },
  { name: 'Migration20261201212000_DeployProvenance', class: Migration20261201212000_DeployProvenance },
  { name: 'Migration20261201214000_InstanceTicket', class: Migration20261201214000_InstanceTicket },
  { name: 'Migration20261201216000_SlaClocks', class: Migration20261201216000_SlaClocks },
  { name: 'Migration20261201218000_ProvisionalDeadlines', class: Migration20261201218000_ProvisionalDeadlines },
  { name: 'Migration20261202100000_DeadlineTimers', class: Migration20261202100000_DeadlineTimers },
  { name: 'Migration20261202110000_ComplaintFacts', class: Migration20261202110000_ComplaintFacts },
  { name: 'Migration20261202120000_CustomerNotifications', class: Migration20261202120000_CustomerNotifications },
  { name: 'Migration20261202130000_ServiceRequestIntake', class: Migration20261202130000_ServiceRequestIntake },
  { name: 'Migration20261203100000_ResourceChecks', class: Migration20261203100000_ResourceChecks },
  { name: 'Migration20261203110000_CircuitProvisioning', class: Migration20261203110000_CircuitProvisioning },
  { name: 'Migration20261203120000_HandoverAcceptance', class: Migration20261203120000_HandoverAcceptance },
  { name: 'Migration20261203130000_Attachments', class: Migration20261203130000_Attachments },
  { name: 'Migration20261203140000_CalledProcedures', class: Migration20261203140000_CalledProcedures },
  { name: 'Migration20261203150000_PresalesRequests', class: Migration20261203150000_PresalesRequests },
  { name: 'Migration20261203160000_CutoverNotices', class: Migration20261203160000_CutoverNotices },
  { name: 'Migration20261203170000_Measures', class: Migration20261203170000_Measures },
  { name: 'Migration20261204100000_TimerClaims', class: Migration20261204100000_TimerClaims },
];
