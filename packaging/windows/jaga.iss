; Inno Setup script: dist\jaga\ (from `python packaging\build.py`) → dist\jaga-<version>-windows-setup.exe
; Built by .github/workflows/package.yml on a Windows runner:
;   iscc /DAppVersion=0.1.0 packaging\windows\jaga.iss
; Installs per user (no administrator needed), like the data Jaga keeps in %LOCALAPPDATA%.
; Not built or tested on the Linux machine where the rest of Jaga is tested (docs/packaging.md).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\jaga.iss
#endif

[Setup]
AppId={{6C1F7E1A-4E55-4F2B-9C1B-7A3A4C0D9A11}
AppName=Jaga
AppVersion={#AppVersion}
AppPublisher=Jaga
DefaultDirName={localappdata}\Programs\Jaga
DefaultGroupName=Jaga
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=jaga-{#AppVersion}-windows-setup
SetupIconFile=..\..\build\package\stage\icons\jaga.ico
UninstallDisplayIcon={app}\jaga.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\jaga\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Jaga"; Filename: "{app}\jaga.exe"
Name: "{autodesktop}\Jaga"; Filename: "{app}\jaga.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\jaga.exe"; Description: "{cm:LaunchProgram,Jaga}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; "Start when I log in" writes HKCU\...\Run\Jaga; leave no entry pointing at a removed exe.
Filename: "{sys}\reg.exe"; Parameters: "delete HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v Jaga /f"; Flags: runhidden; RunOnceId: "RemoveAutostart"
