# Install Albergue for the current user on Windows. Usage: powershell -File installer\install.ps1 [-Offline]
param([switch]$Offline)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
$OfflineArg = @()
if ($Offline) { $OfflineArg = @("--offline") }

if (-not (Get-Command uv -ErrorAction SilentlyContinue)) {
    if (Get-Command py -ErrorAction SilentlyContinue) {
        py -3 -m pip install --user uv
    } else {
        powershell -ExecutionPolicy ByPass -c "irm https://astral.sh/uv/install.ps1 | iex"
    }
    $env:Path = "$env:USERPROFILE\.local\bin;$env:APPDATA\Python\Scripts;$env:Path"
}

Set-Location $Root
uv sync --frozen @OfflineArg

$Desktop = [Environment]::GetFolderPath("Desktop")
$Shell = New-Object -ComObject WScript.Shell
$Link = $Shell.CreateShortcut((Join-Path $Desktop "Albergue.lnk"))
$Link.TargetPath = (Get-Command uv).Source
$Link.Arguments = "run albergue"
$Link.WorkingDirectory = $Root
$Link.Save()
Write-Host "Albergue está instalado. Acceso directo en el escritorio."
