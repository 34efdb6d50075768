import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '../../db/batch-loaders';
import { Department } from './department.entity';
import { User } from './user.entity';

export const orgLoaders = (em: EntityManager) => ({
  userById: byIdLoader(em, User),
  departmentById: byIdLoader(em, Department),
});
