import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AppModule } from '../app.module';
import { ACCESS_ACTION, PUBLIC_ROUTE } from './access.decorators';
import { ACCESS_POLICY, ACTIONS, ROLES } from './access-policy';

type ModuleLike = { module?: unknown; imports?: unknown[]; controllers?: unknown[] } | (new () => unknown);

/** Every controller of every module the API imports, found the way Nest finds them. */
function controllersOf(root: ModuleLike, seen = new Set<unknown>()): (new () => unknown)[] {
  if (!root || seen.has(root)) return [];
  seen.add(root);
  const isClass = typeof root === 'function';
  const moduleClass = isClass ? root : root.module;
  const imports = [
    ...((moduleClass && Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass)) ?? []),
    ...(!isClass ? (root.imports ?? []) : []),
  ] as ModuleLike[];
  const controllers = [
    ...((moduleClass && Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, moduleClass)) ?? []),
    ...(!isClass ? (root.controllers ?? []) : []),
  ] as (new () => unknown)[];
  return [...controllers, ...imports.flatMap((imported) => controllersOf(imported, seen))];
}

const root = AppModule.forRoot({
  DATABASE_URL: 'postgres://x@127.0.0.1/x',
  OIDC_ISSUER: 'http://127.0.0.1:1',
  TEMPORAL_PAYLOAD_KEYS: `k:${Buffer.alloc(32).toString('base64')}`,
});
const routes = [...new Set(controllersOf(root))].flatMap((controller) =>
  Object.getOwnPropertyNames(controller.prototype)
    .filter((name) => Reflect.getMetadata(METHOD_METADATA, controller.prototype[name]) !== undefined)
    .map((name) => ({ controller, name, handler: controller.prototype[name] as object })),
);

describe('every route has an access rule', () => {
  it('finds the routes of every controller', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it.each(routes.map((route) => [`${route.controller.name}.${route.name}`, route]))(
    '%s names an action of the policy or is public',
    (_name, { controller, handler }) => {
      const action =
        Reflect.getMetadata(ACCESS_ACTION, handler) ?? Reflect.getMetadata(ACCESS_ACTION, controller);
      const isPublic =
        Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller);
      expect(Reflect.getMetadata(PATH_METADATA, handler)).toBeDefined();
      expect(isPublic === true || (ACTIONS as readonly string[]).includes(action)).toBe(true);
    },
  );
});

describe('the access policy', () => {
  it('gives every role a scope, a view and only known actions', () => {
    for (const role of ROLES) {
      for (const action of ACCESS_POLICY[role].may) expect(ACTIONS).toContain(action);
    }
  });

  it('lets only the data-protection officer read the audit trail and only the officer decide fines', () => {
    expect(ROLES.filter((role) => ACCESS_POLICY[role].may.includes('audit.read'))).toEqual([
      'data-protection-officer',
    ]);
    expect(ROLES.filter((role) => ACCESS_POLICY[role].may.includes('violation.decide'))).toEqual([
      'enforcement-officer',
    ]);
  });

  it('lets only managers reassign cases, read deadline monitoring, keep offices and open a caseload file', () => {
    for (const action of [
      'trajectory.reassign',
      'monitoring.read',
      'offices.manage',
      'caseload.import',
    ] as const) {
      expect(ROLES.filter((role) => ACCESS_POLICY[role].may.includes(action))).toEqual(['manager']);
    }
  });

  it("lets only the policy coordinator change a policy action's status; managers read the actions", () => {
    expect(ROLES.filter((role) => ACCESS_POLICY[role].may.includes('policy-actions.change-status'))).toEqual([
      'policy-coordinator',
    ]);
    expect(ROLES.filter((role) => ACCESS_POLICY[role].may.includes('policy-actions.read'))).toEqual([
      'manager',
      'policy-coordinator',
    ]);
  });
});
