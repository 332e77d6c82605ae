import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { reachableAddresses } from './addresses';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: null,
});
const machine = {
  lo: [v4('127.0.0.1', true), { ...v4('::1', true), family: 'IPv6' as const, scopeid: 0 }],
  wlan0: [v4('192.0.2.2'), { ...v4('fe80::1'), family: 'IPv6' as const, scopeid: 3 }],
  eth1: [v4('10.1.2.3')],
};

describe('the addresses a device in the room can open', () => {
  it('listening on every address: each IPv4 address that is not loopback, in order', () => {
    expect(reachableAddresses('0.0.0.0', machine)).toEqual(['192.0.2.2', '10.1.2.3']);
    expect(reachableAddresses('::', machine)).toEqual(['192.0.2.2', '10.1.2.3']);
  });
  it('listening on one address: that one, or none when it is loopback', () => {
    expect(reachableAddresses('10.1.2.3', machine)).toEqual(['10.1.2.3']);
    expect(reachableAddresses('127.0.0.1', machine)).toEqual([]);
    expect(reachableAddresses('localhost', machine)).toEqual([]);
  });
  it('a machine on no network has none', () => {
    expect(reachableAddresses('0.0.0.0', { lo: [v4('127.0.0.1', true)] })).toEqual([]);
  });
});
