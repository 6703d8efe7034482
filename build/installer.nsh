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
;
; The command line: $INSTDIR\resources\bin holds mailsetup.cmd (build/bin, extraResources), which runs
; the app binary with --cli. Every install appends that folder to the machine's PATH (HKLM ...\Session
; Manager\Environment) unless it is there already, and tells running programs (WM_SETTINGCHANGE; a
; console opened before the install keeps its old PATH). The uninstaller removes exactly that entry.
; NSIS strings hold at most NSIS_MAX_STRLEN characters: a longer PATH would come back cut short and,
; written back, destroy the machine's PATH. Then the PATH stays as it is and the log says so.

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

;; Machine PATH: read, split at ";", written back only when it changed.

!define MAILSETUP_ENVIRONMENT_KEY "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
!ifndef HWND_BROADCAST
  !define HWND_BROADCAST 0xFFFF
!endif
!ifndef WM_SETTINGCHANGE
  !define WM_SETTINGCHANGE 0x001A
!endif

; $R0: the machine PATH, unexpanded ("" when unset). $R1: "1" when it may be cut short (too long).
!macro mailsetupReadPath
  ClearErrors
  ReadRegStr $R0 HKLM "${MAILSETUP_ENVIRONMENT_KEY}" "Path"
  ${If} ${Errors}
    StrCpy $R0 ""
  ${EndIf}
  StrLen $R1 $R0
  IntOp $R1 $R1 + 1
  ${If} $R1 >= ${NSIS_MAX_STRLEN}
    StrCpy $R1 "1"
  ${Else}
    StrCpy $R1 "0"
  ${EndIf}
!macroend

; In: $R0 the PATH, $R2 the folder. Out: $R3 the PATH without every entry equal to the folder (also
; with a trailing backslash; compared case-insensitively, as Windows does), the other entries exactly
; as they were; $R4 "1" when an entry was removed. Uses $R5-$R8.
!macro mailsetupPathWithout
  StrCpy $R3 ""
  StrCpy $R4 "0"
  StrCpy $R5 ""
  StrCpy $R6 0
  StrCpy $R8 "first"
  ${Do}
    StrCpy $R7 $R0 1 $R6
    ${If} $R7 == ";"
    ${OrIf} $R7 == ""
      ${If} $R5 == $R2
      ${OrIf} $R5 == "$R2\"
        StrCpy $R4 "1"
      ${ElseIf} $R8 == "first"
        StrCpy $R3 $R5
        StrCpy $R8 ""
      ${Else}
        StrCpy $R3 "$R3;$R5"
      ${EndIf}
      StrCpy $R5 ""
      ${IfThen} $R7 == "" ${|} ${ExitDo} ${|}
    ${Else}
      StrCpy $R5 "$R5$R7"
    ${EndIf}
    IntOp $R6 $R6 + 1
  ${Loop}
!macroend

!macro mailsetupWritePath VALUE
  WriteRegExpandStr HKLM "${MAILSETUP_ENVIRONMENT_KEY}" "Path" "${VALUE}"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend

!macro mailsetupAddToPath
  Push $R0
  Push $R1
  Push $R2
  Push $R3
  Push $R4
  Push $R5
  Push $R6
  Push $R7
  Push $R8
  StrCpy $R2 "$INSTDIR\resources\bin"
  !insertmacro mailsetupReadPath
  !insertmacro mailsetupPathWithout
  ; The new PATH's length, counted apart: a joined string would itself be cut at NSIS_MAX_STRLEN.
  StrLen $R5 $R0
  StrLen $R6 $R2
  IntOp $R5 $R5 + $R6
  IntOp $R5 $R5 + 2
  ${If} $R4 == "1"
    DetailPrint "MailSetup Assistant: $R2 is on the PATH already"
  ${ElseIf} $R1 == "1"
  ${OrIf} $R5 > ${NSIS_MAX_STRLEN}
    DetailPrint "MailSetup Assistant: the PATH is too long to change safely; add $R2 to it yourself for the mailsetup command"
  ${ElseIf} $R0 == ""
    !insertmacro mailsetupWritePath "$R2"
    DetailPrint "MailSetup Assistant: $R2 added to the PATH (mailsetup command)"
  ${Else}
    !insertmacro mailsetupWritePath "$R0;$R2"
    DetailPrint "MailSetup Assistant: $R2 added to the PATH (mailsetup command)"
  ${EndIf}
  Pop $R8
  Pop $R7
  Pop $R6
  Pop $R5
  Pop $R4
  Pop $R3
  Pop $R2
  Pop $R1
  Pop $R0
!macroend

!macro mailsetupRemoveFromPath
  Push $R0
  Push $R1
  Push $R2
  Push $R3
  Push $R4
  Push $R5
  Push $R6
  Push $R7
  Push $R8
  StrCpy $R2 "$INSTDIR\resources\bin"
  !insertmacro mailsetupReadPath
  ${If} $R1 == "1"
    DetailPrint "MailSetup Assistant: the PATH is too long to change safely; remove $R2 from it yourself"
  ${Else}
    !insertmacro mailsetupPathWithout
    ${If} $R4 == "1"
      !insertmacro mailsetupWritePath "$R3"
    ${EndIf}
  ${EndIf}
  Pop $R8
  Pop $R7
  Pop $R6
  Pop $R5
  Pop $R4
  Pop $R3
  Pop $R2
  Pop $R1
  Pop $R0
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
  !insertmacro mailsetupAddToPath
!macroend

!macro customUnInstall
  !insertmacro mailsetupRemoveFromPath
!macroend
