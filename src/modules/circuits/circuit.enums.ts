import { registerEnumType } from 'type-graphql';

export enum CircuitServiceType {
  INTERNET_DEDICATED_LINE = 'INTERNET_DEDICATED_LINE',
  DATA_LINE = 'DATA_LINE',
  VOICE_LINE = 'VOICE_LINE',
  GPRS_VPN = 'GPRS_VPN',
  MPLS_VPN = 'MPLS_VPN',
  DDN = 'DDN',
  FRAME_RELAY = 'FRAME_RELAY',
  ATM = 'ATM',
  DIGITAL = 'DIGITAL',
  SMS_MMS = 'SMS_MMS',
}

export enum AccessTechnology {
  FIBER_PTN = 'FIBER_PTN',
  PON = 'PON',
  MSAP_SDH = 'MSAP_SDH',
  WLAN = 'WLAN',
  OTN = 'OTN',
  WIRELESS = 'WIRELESS',
}

/** TMF638 service states. */
export enum CircuitStatus {
  feasibilityChecked = 'feasibilityChecked',
  designed = 'designed',
  reserved = 'reserved',
  /** being provisioned on a dispatch order: dispatched, its data being configured and tested */
  provisioning = 'provisioning',
  inactive = 'inactive',
  active = 'active',
  /** its service is interrupted by a network cutover in its announced window (割接), restored after */
  underCutover = 'underCutover',
  suspended = 'suspended',
  terminated = 'terminated',
}

registerEnumType(CircuitServiceType, { name: 'CircuitServiceType' });
registerEnumType(AccessTechnology, {
  name: 'AccessTechnology',
  description: 'fiber transceiver + PTN, ONU + OLT (PON), MSAP + SDH/MSTP, WLAN, OTN core transport',
});
registerEnumType(CircuitStatus, { name: 'CircuitStatus', description: 'TMF638 service state' });
