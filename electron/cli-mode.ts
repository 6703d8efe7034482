// The packaged app is also the `mailsetup` command: `MailSetup Assistant --cli detect ...` runs the
// command line headless and exits with its code (as some editors' binaries do). Why not a Node
// script: the fuses switch off ELECTRON_RUN_AS_NODE (electron-builder.yml), so the app binary is the
// only program an installed PC has to run our code. The scripts in build/bin pass `--cli` first.

/** The first user argument that turns the app into the command line. */
export const CLI_FLAG = '--cli';

export interface LaunchFacts {
  /** process.argv of the main process. */
  argv: readonly string[];
  /** app.isPackaged: the installed app, argv is [exe, ...args]. */
  packaged: boolean;
  /** process.defaultApp: started as `electron <app path>`, argv is [electron, appPath, ...args]. */
  defaultApp: boolean;
}

/** What the person passed, without the executable (and without the app path in development). */
export function userArguments(facts: LaunchFacts): string[] {
  const skip = !facts.packaged && facts.defaultApp ? 2 : 1;
  return facts.argv.slice(skip);
}

/**
 * The command line's arguments when the app was started as the CLI (first user argument `--cli`),
 * else undefined: the app opens its window. Everything after `--cli` goes to the CLI unchanged.
 */
export function cliArguments(facts: LaunchFacts): string[] | undefined {
  const [first, ...rest] = userArguments(facts);
  return first === CLI_FLAG ? rest : undefined;
}
