// Moved to src/procedures/shared/ (complaint handling chases too); kept so existing imports still resolve.
export { chaseDepartment } from '../shared/chase-department.handler';
