// oidc-provider (a devDependency for tests) ships no types; the test provider uses a small part of it.
declare module 'oidc-provider' {
  interface ProviderInstance {
    callback(): (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
    Grant: new (init: { clientId: string; accountId: string }) => {
      addOIDCScope(scope: string): void;
      addOIDCClaims(claims: string[]): void;
      save(): Promise<string>;
    };
    on(event: string, listener: (...args: unknown[]) => void): void;
  }
  const Provider: new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;
  export default Provider;
}
