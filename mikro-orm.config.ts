import 'reflect-metadata';
import { ormOptions } from './src/db/orm-options';

// Used by the MikroORM CLI (`npm run migration:create`); the hub builds its own options at boot.
export default ormOptions({
  clientUrl: process.env.DATABASE_URL || 'postgresql://root@127.0.0.1:5432/kexiang_dev',
  poolSize: 2,
});
