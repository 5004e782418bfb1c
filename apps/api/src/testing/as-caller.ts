import type { INestApplication } from '@nestjs/common';
import type { Principal } from '../access/principal';

export const TEST_COUNSELLOR: Principal = {
  subject: 'counsellor-17',
  role: 'counsellor',
  organisation: 'IN_GENT',
};

/**
 * For controller specs that leave the guard out: every request comes from `principal`, as if the guard had
 * verified its token. The guard itself is tested end to end (test/access).
 */
export function asCaller(app: INestApplication, principal: Principal = TEST_COUNSELLOR): void {
  app.use((request: { principal?: Principal }, _response: unknown, next: () => void) => {
    request.principal = principal;
    next();
  });
}
