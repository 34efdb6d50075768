import { registerEnumType } from 'type-graphql';

/**
 * The level a dispatch order came from (大客户电路调度三级结构): headquarters allocated the
 * backbone, the province the in-province trunk; the branch always allocates the local access.
 */
export enum DispatchLevel {
  HQ = 'HQ',
  PROVINCE = 'PROVINCE',
  BRANCH = 'BRANCH',
}

/** What an order does to its circuits: provision them (开通) or close their service (业务关闭). */
export enum ProvisioningPurpose {
  OPEN = 'OPEN',
  CLOSE = 'CLOSE',
}

/** The chain of steps an order runs, each with its own split of the deadline. */
export enum ProvisioningChain {
  /** dedicated lines and circuits: allocate, dispatch, configure, test, test report, 报竣 */
  STANDARD = 'STANDARD',
  /** GPRS-VPN: project, design and construction, IP and core data, switch data, router, SIM cards, joint test */
  GPRS_VPN = 'GPRS_VPN',
  /** 业务关闭: data removed, resources released, service terminated */
  CLOSURE = 'CLOSURE',
}

registerEnumType(DispatchLevel, {
  name: 'DispatchLevel',
  description: 'where a dispatch order came from: HQ (backbone allocated), PROVINCE (in-province trunk allocated) or BRANCH (local)',
});
registerEnumType(ProvisioningPurpose, {
  name: 'ProvisioningPurpose',
  description: 'provision circuits (开通) or close their service (业务关闭)',
});
registerEnumType(ProvisioningChain, { name: 'ProvisioningChain', description: 'the chain of steps an order runs' });
