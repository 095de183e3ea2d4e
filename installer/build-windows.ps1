# Build the Windows installer of Albergue (run in PowerShell on Windows 10/11, 64-bit, from
# the repository root): PyInstaller one-folder app, a start check, then Inno Setup.
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
# Needs uv (https://docs.astral.sh/uv/) and Inno Setup 6 (iscc.exe); see docs\installer.md.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

uv sync --frozen
$version = uv run --frozen python -c "from importlib.metadata import version; print(version('albergue-desktop'))"
Remove-Item -Recurse -Force build\pyinstaller, dist\windows -ErrorAction SilentlyContinue
uv run --frozen pyinstaller --noconfirm --clean --log-level WARN `
    --distpath dist\windows --workpath build\pyinstaller installer\albergue.spec

# Start check: a fresh demo database, the sign-in opens offscreen and the scripted quit exits 0.
$app = "dist\windows\albergue\albergue-cli.exe"
$tmp = Join-Path $env:TEMP ("albergue-check-" + [guid]::NewGuid())
New-Item -ItemType Directory $tmp | Out-Null
& $app demo --db "$tmp\demo.sqlite" --persons 60 --centers 2 | Out-Null
if ($LASTEXITCODE -ne 0) { throw "the bundle could not make a demo database" }
$env:QT_QPA_PLATFORM = "offscreen"
$out = & $app --db "$tmp\demo.sqlite" --smoke-test
$code = $LASTEXITCODE
Remove-Item Env:\QT_QPA_PLATFORM
Remove-Item -Recurse -Force $tmp
if ($code -ne 0 -or -not ($out -match "sign-in shown")) { throw "the bundle did not open the sign-in (exit $code)" }
Write-Output $out

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" installer\albergue.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Output "Installer: dist\albergue-$version-windows-setup.exe"
