import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { OptionalIdField } from '../../graphql/id-fields';
import { HeldInRow } from '../../graphql/list-cap';
import { NoNulCharacter, Text } from '../../graphql/text-fields';
import { InstanceStatus, TaskStatus } from './process.enums';
import { ProcessDefinition } from './process-definition.entity';

@InputType()
export class ProcessInstanceFilter {
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  @NoNulCharacter()
  processKey?: string;

  @Field(() => [InstanceStatus], { nullable: true })
  statuses?: InstanceStatus[];

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  @NoNulCharacter()
  businessKey?: string;
}

@InputType()
export class TaskFilter {
  @Field({ nullable: true, description: 'assigned to me' })
  mine?: boolean;

  @Field({ nullable: true, description: 'offered to my department or one of my roles' })
  myDepartment?: boolean;

  @Field({ nullable: true, description: 'past its due time' })
  overdue?: boolean;

  @Field(() => TaskStatus, { nullable: true, description: 'OPEN unless said' })
  status?: TaskStatus;

  @OptionalIdField()
  instanceId?: string;
}

@InputType()
export class DeployInput {
  @Field({ description: 'BPMN 2.0 XML, at most 1 MB' })
  @Length(1, 2_000_000)
  xml!: string;

  @Field(() => String, { nullable: true, description: 'why this version, for the record (at most 1,000 characters)' })
  @IsOptional()
  @Text(1000)
  comment?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class Deployment {
  @Field(() => ProcessDefinition)
  definition!: ProcessDefinition;

  @Field({ description: 'false when this XML was deployed before: no new version was made' })
  created!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class StatusCount {
  @Field(() => InstanceStatus)
  status!: InstanceStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A process key with all its deployed versions, newest first' })
export class ProcessDefinitionKey {
  @Field()
  key!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Int)
  latestVersion!: number;

  @HeldInRow()
  @Field(() => [ProcessDefinition])
  versions!: ProcessDefinition[];
}
