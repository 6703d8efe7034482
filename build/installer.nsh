; MailSetup Assistant: additions to electron-builder's NSIS installer (nsis.include).
;
; The installer is per machine (nsis.perMachine: Program Files, HKLM, administrator rights), so a
; silent install for all users is simply `MailSetup-Assistant-Setup-<version>.exe /S`.
;
; Every install creates %ProgramData%\MailSetup, where the app looks for the per-machine policy, owned
; by Administrators and writable by SYSTEM and Administrators only (well-known SIDs, so it works in
; every Windows language). Without this, any user could create the folder and plant a "machine"
; policy that redirects the company's domains for every other user of the PC (C:\ProgramData lets
; users create folders). A folder a user made earlier is taken over: owner, ACL and its files' ACLs.
;
; /POLICY=<file>  copies an administrator's policy file to %ProgramData%\MailSetup\policy.json. A
;                 missing file stops the installer before it changes anything (exit code 2): a
;                 roll-out must not end up without its policy. Quote the whole option if the path has
;                 spaces: "/POLICY=C:\Deploy files\policy.json".
; The uninstaller leaves the folder and the policy alone: they belong to IT, not to the app.

!macro mailsetupPolicyArgument RESULT
  ${GetParameters} ${RESULT}
  ClearErrors
  ${GetOptions} ${RESULT} "/POLICY=" ${RESULT}
  ${If} ${Errors}
    StrCpy ${RESULT} ""
  ${EndIf}
!macroend

!macro mailsetupIcacls ARGUMENTS
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" ${ARGUMENTS}'
  Pop $R2
  ${If} $R2 != "0"
    DetailPrint `MailSetup Assistant: icacls ${ARGUMENTS} failed ($R2)`
  ${EndIf}
!macroend

!macro customInit
  Push $R0
  !insertmacro mailsetupPolicyArgument $R0
  ${If} $R0 != ""
  ${AndIfNot} ${FileExists} "$R0"
    MessageBox MB_OK|MB_ICONSTOP "MailSetup Assistant: the policy file $R0 was not found." /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  Pop $R0
!macroend

!macro customInstall
  Push $R0
  Push $R1
  Push $R2
  ReadEnvStr $R1 "ProgramData"
  CreateDirectory "$R1\MailSetup"
  !insertmacro mailsetupIcacls '"$R1\MailSetup" /setowner *S-1-5-32-544 /T /C /Q'
  !insertmacro mailsetupIcacls '"$R1\MailSetup" /reset /T /C /Q'
  !insertmacro mailsetupIcacls '"$R1\MailSetup" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX /Q'
  !insertmacro mailsetupPolicyArgument $R0
  ${If} $R0 != ""
    ClearErrors
    CopyFiles /SILENT "$R0" "$R1\MailSetup\policy.json"
    ${If} ${Errors}
      MessageBox MB_OK|MB_ICONSTOP "MailSetup Assistant: the policy file could not be copied to $R1\MailSetup." /SD IDOK
      SetErrorLevel 2
    ${Else}
      DetailPrint "MailSetup Assistant: policy installed to $R1\MailSetup\policy.json"
    ${EndIf}
  ${EndIf}
  Pop $R2
  Pop $R1
  Pop $R0
!macroend
