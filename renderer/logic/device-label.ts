// The suggested name of an app password: the program is not chosen yet, so the device it is for.

export type DeviceKind = 'windows' | 'mac' | 'linux' | 'other';

export function deviceKind(platform: string = navigator.platform ?? ''): DeviceKind {
  const name = platform.toLowerCase();
  if (name.startsWith('win')) return 'windows';
  if (name.startsWith('mac')) return 'mac';
  if (name.includes('linux')) return 'linux';
  return 'other';
}
