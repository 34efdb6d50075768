import { registerEnumType } from 'type-graphql';

/** 钻石/金牌/银牌/铜牌/标准: quality targets, notice periods and compensation differ by level. */
export enum ServiceLevel {
  DIAMOND = 'DIAMOND',
  GOLD = 'GOLD',
  SILVER = 'SILVER',
  BRONZE = 'BRONZE',
  STANDARD = 'STANDARD',
}

registerEnumType(ServiceLevel, { name: 'ServiceLevel', description: 'SLA level of an enterprise customer' });
