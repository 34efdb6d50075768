import { registerEnumType } from 'type-graphql';

/** What is handed over to maintenance (集客交维流程及要求规范V4.4, 1: 管线、传输设备与集成业务). */
export enum HandoverWorkKind {
  /** 管道 / 管线: ducts and poles */
  DUCT = 'DUCT',
  /** 光缆: fiber cable */
  FIBER = 'FIBER',
  /** 传输设备: transmission equipment (PTN, SDH/MSTP, OLT...) */
  TRANSMISSION_EQUIPMENT = 'TRANSMISSION_EQUIPMENT',
  /** 集成设备 / 客户端设备: integration and customer-side equipment */
  INTEGRATION_EQUIPMENT = 'INTEGRATION_EQUIPMENT',
}

/**
 * The checks of one acceptance round, each passed or failed, and who makes them (V4.4, 4.3-4.5):
 * the support office checks the resource records and supervises the on-site tests; transmission
 * maintenance tests fiber, ducts and base-station access equipment; the regional maintenance unit
 * tests the equipment lines and confirms the assets.
 */
export enum HandoverTestKind {
  /** 综合网络资源管理系统资料核查: the records in the resource management system are accurate */
  RECORDS = 'RECORDS',
  /** 传输设备 */
  TRANSMISSION = 'TRANSMISSION',
  /** 集成设备 */
  INTEGRATION = 'INTEGRATION',
  /** 施工工艺 */
  WORKMANSHIP = 'WORKMANSHIP',
  /** 业务拨测 */
  SERVICE_DIAL = 'SERVICE_DIAL',
  /** 光缆 */
  FIBER = 'FIBER',
  /** 管线 */
  DUCT = 'DUCT',
  /** 基站接入设备 */
  ACCESS_EQUIPMENT = 'ACCESS_EQUIPMENT',
  /** 设备线路测试 */
  LINE = 'LINE',
  /** 资产确认 */
  ASSETS = 'ASSETS',
}

registerEnumType(HandoverWorkKind, { name: 'HandoverWorkKind', description: 'ducts, fiber, transmission and integration equipment' });
registerEnumType(HandoverTestKind, { name: 'HandoverTestKind', description: 'a check of a handover acceptance round (交维验收)' });
