import { registerEnumType } from 'type-graphql';

/**
 * Where a check's answer goes (资源核查, 7): a local check answers the branch's own sales; a
 * one-stop or in-province customer's check is reviewed by the branch center and submitted to the
 * provincial center.
 */
export enum ResourceCheckScope {
  LOCAL = 'LOCAL',
  ONE_STOP = 'ONE_STOP',
  IN_PROVINCE = 'IN_PROVINCE',
}

/** What is checked. One outsourcing-service item counts as one circuit (资源核查及时率). */
export enum CheckedResourceKind {
  CIRCUIT = 'CIRCUIT',
  OUTSOURCING_SERVICE = 'OUTSOURCING_SERVICE',
}

/** Which new build a quote is for: the fixed network (网络建设部) or mobile optimization (移动网络公司网络建设部). */
export enum QuotePart {
  NETWORK = 'NETWORK',
  MOBILE = 'MOBILE',
}

/** What the center did with a quote over its duration rule. */
export enum QuoteDecision {
  /** sent back: the department answers again */
  PUSH_BACK = 'PUSH_BACK',
  /** taken as it is, with the reason recorded */
  ACCEPT = 'ACCEPT',
}

/** Which duration rule a quote broke (资源核查要求 2, 投资与工期的关系). */
export enum DurationRule {
  /** ducts and poles: ≤ 10 working days once permits and building access are granted */
  DUCTS_AND_POLES = 'DUCTS_AND_POLES',
  /** duct or aerial fiber laying: ≤ 3 working days once ducts or poles are usable */
  FIBER_LAYING = 'FIBER_LAYING',
  /** customer premises equipment: ≤ 3 working days once the customer's room is ready */
  CPE_INSTALLATION = 'CPE_INSTALLATION',
  /** the whole single-point access: ≤ 7, 10 or 14 working days by investment and new ducts */
  SINGLE_POINT_ACCESS = 'SINGLE_POINT_ACCESS',
}

registerEnumType(ResourceCheckScope, {
  name: 'ResourceCheckScope',
  description: 'LOCAL answers sales; ONE_STOP and IN_PROVINCE are reviewed by the branch center and submitted to the provincial center',
});
registerEnumType(CheckedResourceKind, {
  name: 'CheckedResourceKind',
  description: 'a circuit, or an outsourcing-service item (counts as one circuit)',
});
registerEnumType(QuotePart, { name: 'QuotePart', description: 'fixed network new build, or mobile network optimization' });
registerEnumType(QuoteDecision, { name: 'QuoteDecision' });
registerEnumType(DurationRule, { name: 'DurationRule', description: 'the duration rules new-build quotes are checked against' });
