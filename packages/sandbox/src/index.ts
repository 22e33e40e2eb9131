/**
 * `@magekit/sandbox`: a local Magento-compatible store. `createSandboxApp` starts one in this process;
 * the `magekit-sandbox` bin (`@magekit/sandbox/launcher` finds it) runs one from `SANDBOX_*` settings;
 * `@magekit/sandbox/testing` starts a small seeded one for a test.
 */
export { createSandboxApp, type ListenOptions, type SandboxApp } from './create-sandbox-app';
export { readEnvConfig, type EnvConfig } from './config/read-env-config';
export { describeStartError, formatSandboxBanner } from './sandbox-banner';
export * from './testing';
