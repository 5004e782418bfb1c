// oidc-provider ships no type declarations; the embedded provider uses a small, documented part of its API.
declare module 'oidc-provider' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Provider: any;
  export default Provider;
}
