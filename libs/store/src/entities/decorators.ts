/**
 * TypeORM's entity decorators, each from its own module rather than the package's index. The rebuild's folding
 * threads load the entities (the projections' rows are entities): through the index, each thread loaded all of
 * TypeORM, 331 modules, ~0.2 s before its first fold at every rebuild. The decorators register in the same metadata
 * storage either way (TypeORM keeps it in a global).
 */
export { Check } from 'typeorm/decorator/Check';
export { Column } from 'typeorm/decorator/columns/Column';
export { PrimaryColumn } from 'typeorm/decorator/columns/PrimaryColumn';
export { PrimaryGeneratedColumn } from 'typeorm/decorator/columns/PrimaryGeneratedColumn';
export { Entity } from 'typeorm/decorator/entity/Entity';
export { Index } from 'typeorm/decorator/Index';
export { Unique } from 'typeorm/decorator/Unique';
