@rem mailsetup: the command line of the installed MailSetup Assistant (Windows). Runs the app with
@rem --cli first, which runs the CLI without a window and exits with its code (electron/cli-mode.ts).
@rem Installed as resources\bin\mailsetup.cmd in the install folder (extraResources): the app is two up.
@rem From a batch file cmd waits for the app and gets its exit code; the app writes to this console
@rem (ELECTRON_NO_ATTACH_CONSOLE, cleared here, would stop that).
@setlocal
@set ELECTRON_NO_ATTACH_CONSOLE=
@"%~dp0..\..\MailSetup Assistant.exe" --cli %*
@endlocal & exit /b %ERRORLEVEL%
