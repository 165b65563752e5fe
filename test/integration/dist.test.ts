/** `npm run dist`: which configuration it packs with, and the one line it prints when packaging cannot work here. */
import { describe, expect, it } from 'vitest';
import { explainPackagingFailure, NO_UPDATES_CONFIG, packagingPlan } from '../../scripts/packaging.mjs';

describe('packagingPlan', () => {
  it('packs with auto-update from an https address', () => {
    const plan = packagingPlan({ BRANCH_DESK_UPDATE_URL: 'https://updates.example.cn/branch-desk' }, ['--linux']);
    expect(plan).toEqual({ args: ['--linux'], notice: expect.stringContaining('https://updates.example.cn/branch-desk'), error: null });
  });

  it('packs without auto-update, and says so, when no address is set', () => {
    const plan = packagingPlan({}, ['--win']);
    expect(plan).toEqual({ args: ['--config', NO_UPDATES_CONFIG, '--win'], notice: expect.stringContaining('不带自动更新'), error: null });
  });

  it('refuses an address that is not https', () => {
    const plan = packagingPlan({ BRANCH_DESK_UPDATE_URL: 'http://updates.example.cn/' }, []);
    expect(plan.error).toContain('https://');
  });
});

/** electron-builder's output as seen on this machine, up to the step it failed in. */
function builderOutput(lastStep: string, failure: string): string {
  return [
    '  • electron-builder  version=26.17.0 os=6.18.44',
    '  • loaded configuration  file=/work/main/electron-builder.yml',
    '  • skipped dependencies rebuild  reason=npmRebuild is set to false',
    lastStep,
    `  ⨯ ${failure}  failedTask=build stackTrace=RequestError: ${failure}`,
    '    at ClientRequest.<anonymous> (/work/main/node_modules/got/dist/source/core/index.js:970:111)',
  ].join('\n');
}

describe('explainPackagingFailure', () => {
  const packaging = '  • packaging       platform=linux arch=x64 electron=45.4.1 appOutDir=/work/main/release/linux-unpacked';

  it('names the Electron package it could not download, and how to supply it', () => {
    const line = explainPackagingFailure(builderOutput(packaging, 'getaddrinfo ENOTFOUND github.com'))!;
    expect(line).toContain('electron-v45.4.1-linux-x64.zip');
    expect(line).toContain('getaddrinfo ENOTFOUND github.com');
    expect(line).toContain('-c.electronDist=');
    expect(line).not.toContain('\n');
  });

  it('names the Windows package when packing for Windows', () => {
    const windows = '  • packaging       platform=win32 arch=x64 electron=45.4.1 appOutDir=/work/main/release/win-unpacked';
    expect(explainPackagingFailure(builderOutput(windows, 'connect ETIMEDOUT 20.205.243.166:443'))).toContain('electron-v45.4.1-win32-x64.zip');
  });

  it('explains an Electron package the mirror does not have', () => {
    expect(explainPackagingFailure(builderOutput(packaging, 'HTTPError: Response code 404 (Not Found)'))).toContain('electron-v45.4.1-linux-x64.zip');
  });

  it('explains an electronDist folder that is not there', () => {
    const output = builderOutput(packaging, 'The specified electronDist does not exist: /media/usb/electron.');
    expect(explainPackagingFailure(output)).toContain('Electron 程序包');
  });

  it('tells a missing packaging tool apart from a missing Electron', () => {
    const building = '  • building        target=deb arch=x64 file=release/branch-desk_0.1.0_amd64.deb';
    const line = explainPackagingFailure(builderOutput(building, 'getaddrinfo EAI_AGAIN github.com'))!;
    expect(line).toContain('打包工具');
    expect(line).not.toContain('electron-v');
  });

  it('asks for npm install when the electron package itself is missing', () => {
    expect(explainPackagingFailure('  ⨯ Cannot compute electron version from installed node modules')).toContain('npm install');
  });

  it('leaves any other failure to electron-builder’s own output', () => {
    expect(explainPackagingFailure(builderOutput(packaging, 'Invalid configuration object. configuration.nsis has an unknown property'))).toBeNull();
  });
});
