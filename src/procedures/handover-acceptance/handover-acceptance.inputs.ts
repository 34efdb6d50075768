import { ArrayMaxSize, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField, IdListField, OptionalIdField } from '../../graphql/id-fields';
import { IdempotentInput } from '../../graphql/idempotent-input';
import { Text } from '../../graphql/text-fields';
import { TicketPriority } from '../../modules/tickets/ticket.enums';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { HandoverWorkKind } from './handover-acceptance.enums';
import { MAX_WORKS } from './handover-intake';

@InputType()
export class HandoverWorkInput {
  @Field(() => HandoverWorkKind)
  kind!: HandoverWorkKind;

  @Field({ description: 'what and where: maintenance takes the work over by this' })
  @Text(TEXT_LIMITS.title, { min: 1 })
  description!: string;
}

/** A handover acceptance requested by network construction or the center (交维验收, DOMAIN.md procedure 7). */
@InputType()
export class HandoverAcceptanceInput extends IdempotentInput {
  @IdField()
  customerId!: string;

  @Field({ description: 'e.g. "星湖街328号 驻地网一体化交维验收"' })
  @Text(TEXT_LIMITS.title, { min: 1 })
  title!: string;

  @Field({ defaultValue: '' })
  @Text(TEXT_LIMITS.text)
  description!: string;

  @Field(() => [HandoverWorkInput], { description: `the ducts, fiber and equipment to accept (1 to ${MAX_WORKS})` })
  @ArrayMaxSize(MAX_WORKS)
  @ValidateNested()
  works!: HandoverWorkInput[];

  @IdListField({
    defaultValue: [],
    description: "the customer's circuits the works serve: each gets its maintaining unit at the final approval",
  })
  @ArrayMaxSize(200)
  circuitIds!: string[];

  @OptionalIdField({
    description: 'the contractor department (施工单位); CONTRACTOR when omitted, the named contractor’s own when one is named',
  })
  contractorDepartmentId?: string;

  @OptionalIdField({ description: 'a named contractor (role CONTRACTOR): the application and rework are given to this person' })
  contractorUserId?: string;

  @OptionalIdField({ description: 'who maintains the circuits once approved; the regional maintenance unit (REGION) when omitted' })
  maintainingDepartmentId?: string;

  @Field(() => TicketPriority, { defaultValue: TicketPriority.MEDIUM })
  priority!: TicketPriority;
}
