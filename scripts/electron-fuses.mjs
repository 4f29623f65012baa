/**
 * The Electron fuses the packaged app must ship with, and the check that electron-builder.yml
 * flips each of them. Fuses are bits in the Electron binary, flipped by electron-builder at package
 * time (its `electronFuses` option); an unset fuse keeps Electron's default, which for most of
 * these is the unsafe one. Pure: takes the loaded config, returns named problems.
 */
export const REQUIRED_FUSES = Object.freeze({
  runAsNode: {
    value: false,
    why: 'ELECTRON_RUN_AS_NODE would turn the app binary into a plain Node.js',
  },
  enableNodeOptionsEnvironmentVariable: {
    value: false,
    why: 'NODE_OPTIONS would let the environment inject code into the main process',
  },
  enableNodeCliInspectArguments: {
    value: false,
    why: '--inspect and SIGUSR1 would open a debugger into the process that holds the tokens',
  },
  enableCookieEncryption: {
    value: true,
    why: 'cookies on disk must be encrypted with the operating system key store',
  },
  enableEmbeddedAsarIntegrityValidation: {
    value: true,
    why: 'app.asar must be checked against the hash built into the binary (macOS, Windows)',
  },
  onlyLoadAppFromAsar: {
    value: true,
    why: 'the app must load only from the checked app.asar, never from a loose app/ folder',
  },
  grantFileProtocolExtraPrivileges: {
    value: false,
    why: 'the app is served from app://, so file:// pages need no extra privileges',
  },
});

/**
 * Every way `config` (electron-builder's configuration, as loaded) misses a required fuse.
 * @param {{ electronFuses?: Record<string, unknown> | null, asar?: unknown }} config
 * @returns {string[]} one readable sentence per problem; empty when all is well
 */
export function fuseProblems(config) {
  const fuses = config.electronFuses;
  if (fuses === undefined || fuses === null) {
    return [
      `electronFuses is missing: set ${Object.keys(REQUIRED_FUSES).join(', ')} (Electron's defaults leave the doors open)`,
    ];
  }
  const problems = [];
  for (const [name, { value, why }] of Object.entries(REQUIRED_FUSES)) {
    const actual = fuses[name];
    if (actual === undefined || actual === null) {
      problems.push(`electronFuses.${name} is missing: it must be ${value} (${why})`);
    } else if (actual !== value) {
      problems.push(`electronFuses.${name} is ${String(actual)}: it must be ${value} (${why})`);
    }
  }
  if (fuses.onlyLoadAppFromAsar === true && config.asar === false) {
    problems.push('asar is false, but onlyLoadAppFromAsar is on: the packaged app would not start');
  }
  return problems;
}
