import Module from 'node:module';

/**
 * The TypeORM decorators that the entities use: in a thread that loads this module first, `typeorm` is these, doing
 * nothing. A rebuild's worker thread (fold-worker) maps rows with the entity classes as plain constructors; their
 * decorators only record metadata for a DataSource, which the thread has none of. Loading TypeORM (~300 modules)
 * delayed the thread's first fold by ~0.2-0.3 s of CPU at the start of every rebuild (docs/performance.md, Rebuild).
 * Any other export of `typeorm` throws, so that an entity that needs more fails the thread at once.
 */
const DECORATORS = new Set([
  'Check',
  'Column',
  'Entity',
  'Index',
  'PrimaryColumn',
  'PrimaryGeneratedColumn',
  'Unique',
]);

const ignored = (): (() => undefined) => () => undefined;
const decorators = new Proxy(
  {},
  {
    get(_, name) {
      if (typeof name !== 'string' || name === '__esModule') return undefined;
      if (DECORATORS.has(name)) return ignored;
      throw new Error(`a rebuild's worker thread loads no TypeORM, and an entity uses typeorm's ${name}`);
    },
  },
);

const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
const load = loader._load.bind(loader);
loader._load = (request, ...rest) => (request === 'typeorm' ? decorators : load(request, ...rest));
