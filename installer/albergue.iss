; Inno Setup script of Albergue for Windows 10/11 (64-bit). Packs the PyInstaller folder
; dist\windows\albergue (installer\albergue.spec) into one setup program that installs for
; the current user, without administrator rights. Built by installer\build-windows.ps1;
; step by step in docs\installer.md. The database is not in the program folder
; (%LOCALAPPDATA%\Albergue\Albergue): uninstalling never deletes it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F7C2D0E-4B1A-4C55-9A3E-3D1F0B7A2C19}
AppName=Albergue
AppVersion={#AppVersion}
AppPublisher=DIF Municipal Mexicali
DefaultDirName={localappdata}\Programs\Albergue
DefaultGroupName=Albergue
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=albergue-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\albergue.exe
UninstallDisplayName=Albergue

[Languages]
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\windows\albergue\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; a new version replaces the old program files (never the data, which lives elsewhere)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Albergue"; Filename: "{app}\albergue.exe"
Name: "{group}\Albergue (demostración)"; Filename: "{app}\albergue.exe"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,Albergue}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\Albergue"; Filename: "{app}\albergue.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\albergue.exe"; Description: "{cm:LaunchProgram,Albergue}"; Flags: nowait postinstall skipifsilent
