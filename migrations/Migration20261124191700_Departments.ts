import { Migration } from '@mikro-orm/migrations';

/** The departments of DOMAIN.md. Tickets default to KX (the response center), so it must exist. */
const departments: [string, string][] = [
  ['KX', '客户响应中心 Group Customer Response Center'],
  ['SALES', '集团客户部 Enterprise Sales'],
  ['OPS', '运行维护部 Operations & Maintenance'],
  ['CONS', '网络建设部 Network Construction'],
  ['OPT', '网络优化中心 Network Optimization Center'],
  ['PROC', '物资采购与管理部 Procurement'],
  ['TRANS', '传输网维护室 Transmission Maintenance'],
  ['REGION', '区域维护单位 Regional Maintenance Unit'],
  ['CONTRACTOR', '施工单位 Construction Contractors'],
  ['QA', '服务质量监督 Service & Quality Supervision'],
];

export class Migration20261124191700_Departments extends Migration {
  override async up(): Promise<void> {
    for (const [code, name] of departments) {
      this.addSql(
        `insert into "department" ("id", "created_at", "updated_at", "version", "code", "name")
         values (gen_random_uuid(), now(), now(), 1, '${code}', '${name}') on conflict ("code") do nothing;`,
      );
    }
  }
}
