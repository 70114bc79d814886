import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkspacePath, userDataDir } from '../../main/paths';

const HOME = '/home/analyst';

describe('userDataDir', () => {
  it('uses an absolute XDG_DATA_HOME on Linux', () => {
    expect(userDataDir({ XDG_DATA_HOME: '/data/xdg' }, 'linux', HOME)).toBe(join('/data/xdg', 'Warrant'));
  });

  it('ignores a relative XDG_DATA_HOME, as the XDG spec requires', () => {
    expect(userDataDir({ XDG_DATA_HOME: 'relative/xdg' }, 'linux', HOME)).toBe(join(HOME, '.local', 'share', 'Warrant'));
    expect(userDataDir({ XDG_DATA_HOME: './xdg' }, 'linux', HOME)).toBe(join(HOME, '.local', 'share', 'Warrant'));
  });

  it('falls back to ~/.local/share when XDG_DATA_HOME is unset or empty', () => {
    expect(userDataDir({}, 'linux', HOME)).toBe(join(HOME, '.local', 'share', 'Warrant'));
    expect(userDataDir({ XDG_DATA_HOME: '' }, 'linux', HOME)).toBe(join(HOME, '.local', 'share', 'Warrant'));
    expect(userDataDir({}, 'freebsd', HOME)).toBe(join(HOME, '.local', 'share', 'Warrant'));
  });

  it('uses Application Support on macOS, whatever XDG says', () => {
    expect(userDataDir({ XDG_DATA_HOME: '/data/xdg' }, 'darwin', '/Users/analyst')).toBe(
      join('/Users/analyst', 'Library', 'Application Support', 'Warrant'),
    );
  });

  it('uses APPDATA on Windows, or the roaming folder under home without it', () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\analyst\\AppData\\Roaming' }, 'win32', 'C:\\Users\\analyst')).toBe(
      join('C:\\Users\\analyst\\AppData\\Roaming', 'Warrant'),
    );
    expect(userDataDir({}, 'win32', '/home/analyst')).toBe(join('/home/analyst', 'AppData', 'Roaming', 'Warrant'));
  });
});

describe('defaultWorkspacePath', () => {
  it('is default.warrant inside the data folder', () => {
    const env = { XDG_DATA_HOME: '/data/xdg', APPDATA: '/data/appdata' };
    expect(defaultWorkspacePath(env)).toBe(join(userDataDir(env), 'default.warrant'));
    expect(defaultWorkspacePath(env).endsWith(join('Warrant', 'default.warrant'))).toBe(true);
  });
});
