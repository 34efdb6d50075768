import 'reflect-metadata';
import { hubOrmOptions } from './src/composition/database';

// Used by the MikroORM CLI (`npm run migration:create`); the hub builds its own options at boot.
export default hubOrmOptions({
  clientUrl: process.env.DATABASE_URL || 'postgresql://root@127.0.0.1:5432/kexiang_dev',
  poolSize: 2,
});
