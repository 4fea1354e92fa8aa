import type { FieldErrors, SettingsDraft } from '../settingsDraft'
import { Field } from './Field'

interface BleAdapterFieldsProps {
  draft: SettingsDraft
  errors: FieldErrors
  update: (change: Partial<SettingsDraft>) => void
}

/** The survey's radio: this computer's default adapter, or an HCI UART dongle on a serial port. */
export function BleAdapterFields({ draft, errors, update }: BleAdapterFieldsProps) {
  return (
    <fieldset>
      <legend>Bluetooth adapter for surveys</legend>
      <label className="choice">
        <input type="radio" name="ble-adapter" value="default" checked={draft.adapterKind === 'default'} onChange={() => update({ adapterKind: 'default' })} />
        This computer's default adapter
      </label>
      <label className="choice">
        <input type="radio" name="ble-adapter" value="uart" checked={draft.adapterKind === 'uart'} onChange={() => update({ adapterKind: 'uart' })} />
        HCI UART dongle (repeatable readings)
      </label>
      {draft.adapterKind === 'uart' ? (
        <div className="field-row">
          <Field id="bleAdapter.port" label="Serial port" hint="For example /dev/ttyACM0 or COM3." error={errors['bleAdapter.port']}>
            {(control) => <input {...control} type="text" spellCheck={false} value={draft.uartPort} onChange={(e) => update({ uartPort: e.target.value })} />}
          </Field>
          <Field id="bleAdapter.baudRate" label="Baud rate" error={errors['bleAdapter.baudRate']}>
            {(control) => <input {...control} type="number" inputMode="numeric" value={draft.uartBaudRate} onChange={(e) => update({ uartBaudRate: e.target.value })} />}
          </Field>
        </div>
      ) : null}
    </fieldset>
  )
}
