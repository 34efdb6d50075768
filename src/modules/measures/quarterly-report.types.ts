import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HeldInRow } from '../../graphql/list-cap';
import { LocalDateScalar } from '../calendar/local-date.scalar';
import { TicketKind } from '../tickets/ticket.enums';
import { MeasureRow } from './measures.types';
import { ReportSection } from './quarterly-report.entity';

@ObjectType({ description: 'how many of one thing (a role, level, service type...)' })
export class ReportCount {
  @Field()
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class ReportDepartment {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'active staff' })
  people!: number;
}

@ObjectType({ description: '1. the response organization (客户响应体系): departments and people by role' })
export class ReportOrganization {
  @Field(() => Int)
  people!: number;

  @HeldInRow()
  @Field(() => [ReportDepartment])
  departments!: ReportDepartment[];

  @HeldInRow()
  @Field(() => [ReportCount])
  peopleByRole!: ReportCount[];
}

@ObjectType()
export class ReportCustomer {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  serviceLevel!: string;
}

@ObjectType({ description: '2. the enterprise customers (集团客户): by level at quarter end, new and lost in the quarter' })
export class ReportCustomers {
  @Field(() => Int)
  total!: number;

  @HeldInRow()
  @Field(() => [ReportCount])
  byLevel!: ReportCount[];

  @Field(() => Int)
  newInQuarter!: number;

  @Field(() => Int, { description: 'archived in the quarter' })
  lostInQuarter!: number;

  @HeldInRow()
  @Field(() => [ReportCustomer], { description: 'the new ones (at most 50)' })
  newCustomers!: ReportCustomer[];

  @HeldInRow()
  @Field(() => [ReportCustomer], { description: 'the lost ones (at most 50)' })
  lostCustomers!: ReportCustomer[];
}

@ObjectType({ description: '3. network services provided (网络服务提供): circuits in service, activated and closed in the quarter' })
export class ReportNetworkServices {
  @Field(() => Int, { description: 'circuits not terminated, as the inventory stood when the report was made' })
  inService!: number;

  @HeldInRow()
  @Field(() => [ReportCount])
  byServiceType!: ReportCount[];

  @HeldInRow()
  @Field(() => [ReportCount])
  byAccessTechnology!: ReportCount[];

  @Field(() => Int)
  activatedInQuarter!: number;

  @Field(() => Int)
  closedInQuarter!: number;
}

@ObjectType({ description: '4. market network-support projects (市场网络支撑): presales support and resource checks' })
export class ReportMarketSupport {
  @Field(() => Int)
  presalesRaised!: number;

  @HeldInRow()
  @Field(() => [ReportCount], { description: 'presales requests ended in the quarter, by outcome (WON, LOST, NOT_DEVELOPED, NOT_BUILT)' })
  presalesEnded!: ReportCount[];

  @Field(() => Int)
  won!: number;

  @Field(() => Int)
  lost!: number;

  @Field(() => Int)
  resourceChecksRaised!: number;

  @Field(() => Int, { description: 'resources whose check was due in the quarter' })
  resourcesToCheck!: number;

  @Field(() => Int)
  resourcesCheckedOnTime!: number;
}

@ObjectType()
export class ReportKindCount {
  @Field(() => TicketKind)
  kind!: TicketKind;

  @Field(() => Int)
  opened!: number;

  @Field(() => Int, { description: 'resolved or closed in the quarter' })
  done!: number;
}

@ObjectType({
  description: '5. main work done (日常主要工作): tickets by kind, the measures with their parts, against the previous quarter',
})
export class ReportMainWork {
  @HeldInRow()
  @Field(() => [ReportKindCount])
  ticketsByKind!: ReportKindCount[];

  @Field(() => MeasureRow)
  measures!: MeasureRow;

  @Field(() => MeasureRow)
  previousQuarter!: MeasureRow;
}

@ObjectType({ description: 'a narrative section as the center saved it (empty until written)' })
export class ReportNarrative {
  @Field(() => ID, { nullable: true, description: 'the saved section (its history is its versions)' })
  id!: string | null;

  @Field(() => ReportSection)
  section!: ReportSection;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => Int, { description: '0 until saved' })
  version!: number;

  @Field(() => Date, { nullable: true })
  savedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'who saved it last' })
  savedBy!: string | null;
}

@ObjectType({ description: 'a ticket the center picked as a typical case' })
export class ReportCase {
  @Field()
  number!: string;

  @Field(() => TicketKind)
  kind!: TicketKind;

  @Field()
  title!: string;

  @Field()
  customer!: string;

  @Field()
  status!: string;

  @Field()
  openedAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;
}

@ObjectType({ description: '6. typical cases (典型案例): the tickets quoted in the analysis, and the analysis' })
export class ReportTypicalCases {
  @Field(() => ReportNarrative)
  analysis!: ReportNarrative;

  @HeldInRow()
  @Field(() => [ReportCase], { description: 'tickets whose numbers the analysis quotes (at most 20)' })
  cases!: ReportCase[];
}

@ObjectType('QuarterlyReport', { description: 'the quarterly report (季报): eight sections, figures computed from what was recorded' })
export class QuarterlyReportView {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  quarter!: number;

  @Field(() => LocalDateScalar)
  from!: string;

  @Field(() => LocalDateScalar)
  to!: string;

  @Field({ description: 'due within 10 working days after the quarter ends (the close of the 10th)' })
  dueAt!: Date;

  @Field({ description: 'when this was made: the submission for a submitted report' })
  madeAt!: Date;

  @Field(() => Date, { nullable: true, description: 'set once submitted: the figures are then frozen as they were' })
  submittedAt!: Date | null;

  @Field(() => String, { nullable: true })
  submittedBy!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'submitted by its deadline (null until submitted)' })
  onTime!: boolean | null;

  @Field(() => ReportOrganization)
  organization!: ReportOrganization;

  @Field(() => ReportCustomers)
  customers!: ReportCustomers;

  @Field(() => ReportNetworkServices)
  networkServices!: ReportNetworkServices;

  @Field(() => ReportMarketSupport)
  marketSupport!: ReportMarketSupport;

  @Field(() => ReportMainWork)
  mainWork!: ReportMainWork;

  @Field(() => ReportTypicalCases)
  typicalCases!: ReportTypicalCases;

  @Field(() => ReportNarrative)
  problemsAndSuggestions!: ReportNarrative;

  @Field(() => ReportNarrative)
  nextQuarterPlan!: ReportNarrative;
}
