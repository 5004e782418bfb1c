export * from './drive-trajectory';
