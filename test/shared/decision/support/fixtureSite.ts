import type { Site } from '../../../../src/shared/domain/site'

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const

/**
 * A small hand-written site for table-driven tests. London keeps UTC in December, so the
 * instants in the tests read as local times. 2026-12-25 (Fri) and 2026-12-28 (Mon) are holidays.
 */
export function fixtureSite(timezone = 'Europe/London'): Site {
  return {
    site: { timezone, holidays: ['2026-12-25', '2026-12-28'] },
    credential_types: [
      { id: 2, label: 'MIFARE DESFire', slug: 'mifare-desfire', format: 'card', technology: 'nfc' },
      { id: 6, label: 'PIN', slug: 'pin', format: 'pin', technology: 'keypad' },
      { id: 8, label: 'HID Mobile Access', slug: 'hid-mobile-access', format: 'mobile', technology: 'ble+nfc' }
    ],
    doors: [
      { id: 1, name: 'Front Entrance', mode: 'normal', accepts: [8, 2, 6, 77], requires_pin: false },
      { id: 2, name: 'Server Room', mode: 'normal', accepts: [8, 6, 77], requires_pin: true },
      { id: 3, name: 'Roof Access', mode: 'lockdown', accepts: [8], requires_pin: false },
      { id: 4, name: 'Lobby', mode: 'unlocked', accepts: [8], requires_pin: true },
      { id: '1', name: 'Annex', mode: 'normal', accepts: [8], requires_pin: false }
    ],
    schedules: [
      { id: 'office', name: 'Office hours', weekly: [{ days: [...weekdays], from: '09:00', to: '17:00' }], holidays: 'closed' },
      { id: 'night', name: 'Cleaning', weekly: [{ days: [...weekdays], from: '22:00', to: '02:00' }], holidays: 'closed' },
      { id: 'evening', name: 'Evenings', weekly: [{ days: ['mon'], from: '18:00', to: '24:00' }], holidays: 'open' },
      { id: 'sunday-late', name: 'Sunday late', weekly: [{ days: ['sun'], from: '23:00', to: '01:00' }], holidays: 'open' },
      { id: 'never', name: 'Never', weekly: [], holidays: 'open' }
    ],
    groups: [
      { id: 1, name: 'Staff', access: [{ door_ids: [1, 2], schedule_id: 'office' }] },
      { id: 2, name: 'IT', access: [{ door_ids: [2, 3, 4], schedule_id: null }] },
      { id: 3, name: 'Cleaners', access: [{ door_ids: [1], schedule_id: 'night' }] },
      { id: 4, name: 'Ghosts', access: [{ door_ids: [1, 'no-such-door'], schedule_id: 'no-such-schedule' }] },
      { id: 5, name: 'Evening staff', access: [{ door_ids: [1], schedule_id: 'evening' }, { door_ids: [1], schedule_id: 'sunday-late' }] },
      { id: 6, name: 'Nobody', access: [{ door_ids: [1], schedule_id: 'never' }] }
    ],
    people: [
      { id: 1, first_name: 'Alice', last_name: 'Staff', email: 'alice@example.com', enabled: true, group_ids: [1] },
      { id: 2, first_name: 'Bob', last_name: 'Disabled', email: 'bob@example.com', enabled: false, group_ids: [1] },
      {
        id: 3, first_name: 'Carol', last_name: 'Contractor', email: 'carol@example.com', enabled: true,
        valid_from: '2026-12-01T09:00:00Z', valid_to: '2026-12-31T18:00:00Z', group_ids: [1]
      },
      { id: 4, first_name: 'Dave', last_name: 'Nogroups', email: 'dave@example.com', enabled: true, group_ids: [] },
      { id: 5, first_name: 'Erin', last_name: 'Admin', email: 'erin@example.com', enabled: true, group_ids: ['no-such-group', 2] },
      { id: 6, first_name: 'Frank', last_name: 'Cleaner', email: 'frank@example.com', enabled: true, group_ids: [3] },
      { id: 7, first_name: 'Gina', last_name: 'Ghost', email: 'gina@example.com', enabled: true, group_ids: [4, 6] },
      { id: 8, first_name: 'Hal', last_name: 'Evening', email: 'hal@example.com', enabled: true, group_ids: [5] },
      { id: '1', first_name: 'Ivy', last_name: 'Stringid', email: 'ivy@example.com', enabled: true, group_ids: [] }
    ],
    credentials: [
      { id: 1, person_id: 1, credential_type_id: 8, value: 'HID-ALICE', enabled: true, status: 'active' },
      { id: 2, person_id: 1, credential_type_id: 6, value: '482913', enabled: true, status: 'active' },
      { id: 3, person_id: 1, credential_type_id: 2, value: '04A1B2C3D4E5F6', enabled: true, status: 'active' },
      { id: 4, person_id: 1, credential_type_id: 6, value: '111222', enabled: false, status: 'active' },
      { id: 5, person_id: 2, credential_type_id: 8, value: 'HID-BOB', enabled: true, status: 'active' },
      { id: 6, person_id: 3, credential_type_id: 8, value: 'HID-CAROL', enabled: true, status: 'active' },
      { id: 7, person_id: 4, credential_type_id: 8, value: 'HID-DAVE', enabled: true, status: 'active' },
      { id: 8, person_id: 5, credential_type_id: 8, value: 'HID-ERIN', enabled: true, status: 'active' },
      { id: 9, person_id: 5, credential_type_id: 6, value: '775533', enabled: true, status: 'active' },
      { id: 10, person_id: 5, credential_type_id: 6, value: '909090', enabled: true, status: 'invited' },
      { id: 11, person_id: 6, credential_type_id: 8, value: 'HID-FRANK', enabled: true, status: 'active' },
      { id: 12, person_id: 7, credential_type_id: 8, value: 'HID-GINA', enabled: true, status: 'active' },
      { id: 13, person_id: 8, credential_type_id: 8, value: 'HID-HAL', enabled: true, status: 'active' },
      { id: 14, person_id: 1, credential_type_id: 8, value: 'HID-OFF', enabled: false, status: 'active' },
      { id: 15, person_id: 1, credential_type_id: 8, value: 'HID-DISABLED', enabled: true, status: 'disabled' },
      { id: 16, person_id: 1, credential_type_id: 8, value: 'HID-REVOKED', enabled: true, status: 'revoked' },
      { id: 17, person_id: 1, credential_type_id: 8, value: 'HID-INVITED', enabled: true, status: 'invited' },
      { id: 18, person_id: 'ghost', credential_type_id: 8, value: 'HID-ORPHAN', enabled: true, status: 'active' },
      { id: 19, person_id: 5, credential_type_id: 77, value: 'LEGACY-ERIN', enabled: true, status: 'active' },
      { id: 20, person_id: 1, credential_type_id: 2, value: 'SHARED', enabled: true, status: 'active' },
      { id: 21, person_id: 5, credential_type_id: 8, value: 'SHARED', enabled: true, status: 'active' },
      { id: 22, person_id: '1', credential_type_id: 8, value: 'HID-IVY', enabled: true, status: 'active' }
    ]
  }
}
