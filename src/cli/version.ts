declare const __WHETSTONE_VERSION__: string | undefined;

/** Set by the build (scripts/build.mjs) from package.json. */
export const WHETSTONE_VERSION: string =
  typeof __WHETSTONE_VERSION__ === 'string' ? __WHETSTONE_VERSION__ : '0.0.0-dev';
