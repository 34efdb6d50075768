import { registerEnumType } from 'type-graphql';

/** Staff roles from DOMAIN.md's table of who uses the hub. */
export enum Role {
  ACCOUNT_MANAGER = 'ACCOUNT_MANAGER',
  RESPONSE_CENTER = 'RESPONSE_CENTER',
  NETWORK_SERVICE_MANAGER = 'NETWORK_SERVICE_MANAGER',
  OPERATIONS = 'OPERATIONS',
  CONSTRUCTION = 'CONSTRUCTION',
  OPTIMIZATION = 'OPTIMIZATION',
  PROCUREMENT = 'PROCUREMENT',
  MAINTENANCE_UNIT = 'MAINTENANCE_UNIT',
  CONTRACTOR = 'CONTRACTOR',
  SUPERVISOR = 'SUPERVISOR',
  PROCESS_OWNER = 'PROCESS_OWNER',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, { name: 'Role', description: 'What a member of staff does in the center' });
