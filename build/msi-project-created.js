// electron-builder's msiProjectCreated hook (electron-builder.yml): puts the `mailsetup` command on the
// machine's PATH for the MSI, as build/installer.nsh does for the NSIS installer. electron-builder's
// WiX template (app-builder-lib/templates/msi/template.xml) has no option for environment variables,
// so this adds a WiX <Environment> to the component that installs resources\bin\mailsetup.cmd:
// Windows Installer appends the folder to the system PATH on install and removes exactly that part
// on uninstall (Environment table, name "=-*PATH", value "[~];<folder>"). Tested against the project
// electron-builder itself generates (test/unit/build/msi-project-created.test.ts).

import { readFile, writeFile } from 'node:fs/promises';

export const PATH_ENVIRONMENT_ID = 'MailSetupCommandOnPath';

const ENVIRONMENT =
  `<Environment Id="${PATH_ENVIRONMENT_ID}" Name="PATH" Value="[APPLICATIONFOLDER]resources\\bin"` +
  ' Action="set" Part="last" System="yes" Permanent="no"/>';

/** electron-builder's component for the file: `<Component Directory="..."><File ... Source=".../resources/bin/mailsetup.cmd" .../>`. */
const COMMAND_COMPONENT =
  /(<Component\b[^>]*>\s*<File\b[^>]*\bSource="[^"]*[\\/]resources[\\/]bin[\\/]mailsetup\.cmd"[^>]*\/>)/;

/** The WiX project with the PATH entry in mailsetup.cmd's component. Throws when there is no such component. */
export function addCommandToPath(wxs) {
  if (wxs.includes(`Id="${PATH_ENVIRONMENT_ID}"`)) return wxs;
  if (!COMMAND_COMPONENT.test(wxs)) {
    throw new Error(
      'msiProjectCreated: the MSI project installs no resources\\bin\\mailsetup.cmd (extraResources in electron-builder.yml)',
    );
  }
  return wxs.replace(COMMAND_COMPONENT, (component) => `${component}\n        ${ENVIRONMENT}`);
}

export async function msiProjectCreated(projectFile) {
  await writeFile(projectFile, addCommandToPath(await readFile(projectFile, 'utf8')));
}
