import { join } from 'node:path';
import { mapPermissions, readPermissionMap } from './permission-map';

const map = readPermissionMap(join(__dirname, '..', '..', '..', '..', 'config', 'sandi-permissions.json'));
const QUEUES = ['SAC', 'LAC', 'VMSC'];

describe(mapPermissions.name, () => {
  it('should give a manager every queue', () => {
    expect(mapPermissions(['IVM.MANAGER', 'SANDI.RECORDS.READ'], map, QUEUES)).toEqual({
      role: 'manager', queueRoles: { SAC: 'manager', LAC: 'manager', VMSC: 'manager' },
    });
  });

  it('should give staff only the queues their permissions name', () => {
    expect(mapPermissions(['IVM.SAC.STAFF'], map, QUEUES)).toEqual({ role: 'staff', queueRoles: { SAC: 'staff' } });
  });

  it('should keep the highest role per queue and the highest overall', () => {
    expect(mapPermissions(['IVM.SAC.STAFF', 'IVM.SAC.SUPERVISOR', 'IVM.LAC.STAFF'], map, QUEUES)).toEqual({
      role: 'supervisor', queueRoles: { SAC: 'supervisor', LAC: 'staff' },
    });
  });

  it('should refuse a SANDI user without any IVM permission', () => {
    expect(mapPermissions(['SANDI.RECORDS.READ'], map, QUEUES)).toBeNull();
  });

  it('should ignore permissions for queues IVM does not have', () => {
    expect(mapPermissions(['IVM.EQUINE.STAFF'], map, QUEUES)).toBeNull();
  });

  it('should match permission names in any case', () => {
    expect(mapPermissions(['ivm.lac.supervisor'], map, QUEUES)).toEqual({ role: 'supervisor', queueRoles: { LAC: 'supervisor' } });
  });
});
